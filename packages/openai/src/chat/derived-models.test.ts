import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { tool } from '@rivulet/models';
import { OpenAIChatModel } from './openai-chat-model.js';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '../testing/index.js';

const servers: MockOpenAIServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function modelOn(script: MockScript, model = 'gpt-test'): Promise<{ model: OpenAIChatModel; server: MockOpenAIServer }> {
  const server = await startMockOpenAIServer(script);
  servers.push(server);
  return { model: new OpenAIChatModel({ model, apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 }), server };
}

const weather = tool({ name: 'weather', description: 'Weather in a city', schema: z.object({ city: z.string() }) });
const toolsSent = (server: MockOpenAIServer) => server.requests.map((request) => request.body?.tools?.map((t) => (t.type === 'function' ? t.function.name : t.custom.name)));

describe('OpenAIChatModel made by withFallbacks, withRetry and withConfig, over HTTP', () => {
  it('a 5xx from the primary reaches the fallback with the tools bound', async () => {
    const primary = await modelOn({ status: 500 });
    const fallback = await modelOn({ toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }] }, 'gpt-backup');
    const chain = primary.model.withFallbacks([fallback.model]).bindTools([weather], { toolChoice: 'required' });
    expect(chain).toBeInstanceOf(OpenAIChatModel);
    const reply = await chain.invoke('Weather in Oslo?');
    expect(reply.toolCalls).toEqual([{ id: 'call_1', name: 'weather', args: { city: 'Oslo' } }]);
    expect([toolsSent(primary.server), toolsSent(fallback.server)]).toEqual([[['weather']], [['weather']]]);
    expect([primary.server.requests[0]!.status, fallback.server.requests[0]!.body?.model]).toEqual([500, 'gpt-backup']);
    expect(fallback.server.requests[0]!.body?.tool_choice).toBe('required');
  });

  it('structured output through a fallback chain asks both models for the schema', async () => {
    const trip = z.object({ city: z.string(), days: z.number() });
    const primary = await modelOn({ status: 503 });
    const fallback = await modelOn({ text: JSON.stringify({ city: 'Lisbon', days: 3 }), chunkSize: 4 });
    const structured = primary.model.withFallbacks([fallback.model]).withStructuredOutput(trip, { name: 'trip' });
    const snapshots = await collect(structured.stream('Plan a trip'));
    expect(snapshots.at(-1)).toEqual({ city: 'Lisbon', days: 3 });
    for (const { server } of [primary, fallback]) {
      expect(server.requests[0]!.body?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'trip', strict: true } });
    }
  });

  it('generate falls back as a run does', async () => {
    const primary = await modelOn({ status: 502 });
    const fallback = await modelOn({ choices: [{ text: 'First.' }, { text: 'Second.' }] });
    const replies = await primary.model.withFallbacks([fallback.model]).generate('two please', { n: 2 });
    expect(replies.map((reply) => reply.content)).toEqual(['First.', 'Second.']);
    expect(fallback.server.requests[0]!.body).toMatchObject({ n: 2 });
  });

  it('withRetry retries the whole model, what its own retries leave alone included, keeping bound tools and run options', async () => {
    const { model, server } = await modelOn([{ status: 400, error: { message: 'flaky gateway' } }, { text: 'second time' }]);
    const retried = model.withRetry({ maxAttempts: 2, initialDelayMs: 1, retryOn: (error) => ProviderError.isInstance(error) }).withConfig({ tags: ['retried'] });
    const reply = await retried.bindTools([weather]).invoke('hi');
    expect(reply.content).toBe('second time');
    expect(toolsSent(server)).toEqual([['weather'], ['weather']]);
  });
});
