import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collect } from '@rivulet/core/testing';
import { startMockOllamaServer, type MockOllamaScript, type MockOllamaServer } from '../testing/index.js';
import { OllamaChatModel } from './ollama-chat-model.js';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockOllamaScript): Promise<OllamaChatModel> {
  server = await startMockOllamaServer(script);
  return new OllamaChatModel({ model: 'llama3.2', host: server.url });
}

const trip = z.object({ city: z.string(), days: z.number(), note: z.string().optional() });

describe('OllamaChatModel.withStructuredOutput', () => {
  it('jsonSchema: sends the schema as format and streams growing partial objects', async () => {
    const model = await modelFor({ text: '{"city":"Oslo","days":3,"note":null}', chunkSize: 4 });
    const partials = await collect(model.withStructuredOutput(trip, { name: 'trip' }).stream('Plan a trip.'));
    expect(partials).toContainEqual({ city: 'Osl' });
    expect(partials.at(-1)).toEqual({ city: 'Oslo', days: 3 });
    expect(server!.requests[0]!.body!.format).toMatchObject({ type: 'object', properties: { city: { type: 'string' }, days: { type: 'number' } }, required: expect.arrayContaining(['city', 'days']) });
  });

  it('jsonMode: sends format "json" and validates what comes back', async () => {
    const model = await modelFor({ text: '{"city":"Rome","days":2}' });
    expect(await model.withStructuredOutput(trip, { method: 'jsonMode' }).invoke('Plan a trip.')).toEqual({ city: 'Rome', days: 2 });
    expect(server!.requests[0]!.body!.format).toBe('json');
  });

  it('tool: sends only that tool (Ollama cannot force a call) and parses the call when the model makes it', async () => {
    const model = await modelFor({ toolCalls: [{ name: 'trip', arguments: { city: 'Bergen', days: 4 } }] });
    expect(await model.withStructuredOutput(trip, { method: 'tool', name: 'trip' }).invoke('Plan a trip.')).toEqual({ city: 'Bergen', days: 4 });
    expect(server!.requests[0]!.body!.tools?.map((tool) => tool.function.name)).toEqual(['trip']);
  });
});
