import { collect } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { googleTestServer } from '../test-support/google-test-server.js';

const trip = z.object({ city: z.string(), days: z.number(), note: z.string().optional() });

describe('GoogleChatModel.withStructuredOutput', () => {
  it('jsonSchema (default) sends the schema as responseJsonSchema and streams typed partial objects', async () => {
    const { model, server } = await googleTestServer({ text: '{"city":"Oslo","days":3,"note":null}', chunkSize: 5 });
    const structured = model.withStructuredOutput(trip, { name: 'trip' });
    const partials = await collect(structured.stream('Plan a trip.'));
    expect(partials).toContainEqual({ city: 'O' });
    expect(partials.at(-1)).toEqual({ city: 'Oslo', days: 3 });
    const config = server.requests[0]?.body?.generationConfig;
    expect(config?.['responseMimeType']).toBe('application/json');
    expect(config?.['responseJsonSchema']).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'number' } },
      required: expect.arrayContaining(['city', 'days']),
    });
  });

  it('jsonMode sends only the JSON MIME type and validates what comes back', async () => {
    const { model, server } = await googleTestServer({ text: '{"city":"Rome","days":2}' });
    expect(await model.withStructuredOutput(trip, { method: 'jsonMode' }).invoke('Plan a trip.')).toEqual({ city: 'Rome', days: 2 });
    expect(server.requests[0]?.body?.generationConfig).toEqual({ responseMimeType: 'application/json' });
  });

  it('tool forces the one function (mode ANY) and returns its arguments, which arrive whole', async () => {
    const { model, server } = await googleTestServer({ functionCalls: [{ name: 'trip', args: { city: 'Lima', days: 5 } }] });
    expect(await model.withStructuredOutput(trip, { method: 'tool', name: 'trip' }).invoke('Plan a trip.')).toEqual({ city: 'Lima', days: 5 });
    const body = server.requests[0]?.body;
    expect(body?.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['trip'] } });
    expect(body?.tools?.[0]).toMatchObject({ functionDeclarations: [{ name: 'trip', parametersJsonSchema: { type: 'object' } }] });
  });

  it('an array root is wrapped in an object for Gemini and unwrapped for the caller', async () => {
    const { model, server } = await googleTestServer({ text: '{"value":["Nile","Amazon"]}' });
    expect(await model.withStructuredOutput(z.array(z.string())).invoke('Two rivers.')).toEqual(['Nile', 'Amazon']);
    expect(server.requests[0]?.body?.generationConfig?.['responseJsonSchema']).toMatchObject({ type: 'object', properties: { value: { type: 'array' } } });
  });
});
