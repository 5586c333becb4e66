import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AbortError, type AIMessageChunk } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { InMemoryCache } from '@rivulet/models';
import { OpenAIChatModel } from './openai-chat-model.js';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '../testing/index.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function cachedModel(script: MockScript, cache = new InMemoryCache()): Promise<OpenAIChatModel> {
  server = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 }).withCache(cache);
}

const completions = () => server!.requests.filter((request) => request.path.endsWith('/chat/completions'));
const text = (chunks: readonly AIMessageChunk[]) => chunks.map((chunk) => chunk.content).join('');

describe('OpenAIChatModel.withCache over HTTP', () => {
  it('replays a hit as the same chunks without an HTTP request', async () => {
    const model = await cachedModel({ text: 'Rivers carve canyons.', reasoning: 'Think.', chunkSize: 3, usage: { promptTokens: 9, completionTokens: 6 } });
    const first = await collect(model.stream('Tell me about rivers.'));
    const second = await collect(model.stream('Tell me about rivers.'));
    expect(completions()).toHaveLength(1);
    expect(second).toEqual(first);
    const reply = await model.invoke('Tell me about rivers.');
    expect([reply.content, reply.reasoning, reply.usage?.totalTokens, completions().length]).toEqual(['Rivers carve canyons.', 'Think.', 15, 1]);
  });

  it('misses for a different temperature', async () => {
    const model = await cachedModel({ text: 'ok' });
    await model.invoke('hi');
    await model.withOptions({ temperature: 0.7 }).invoke('hi');
    await model.withOptions({ temperature: 0.7 }).invoke('hi');
    expect(completions().map((request) => request.body?.temperature)).toEqual([undefined, 0.7]);
  });

  it('gives the same structured-output snapshots from the cache', async () => {
    const trip = z.object({ city: z.string(), days: z.array(z.object({ day: z.number(), plan: z.string() })) });
    const answer = { city: 'Lisbon', days: [{ day: 1, plan: 'Alfama' }, { day: 2, plan: 'Belém' }] };
    const structured = (await cachedModel({ text: JSON.stringify(answer), chunkSize: 5 })).withStructuredOutput(trip);
    const live = await collect(structured.stream('Plan a trip'));
    const replayed = await collect(structured.stream('Plan a trip'));
    expect(replayed).toEqual(live);
    expect(live.length).toBeGreaterThan(5);
    expect(live.at(-1)).toEqual(answer);
    expect(completions()).toHaveLength(1);
  });

  it('stores nothing for a run aborted mid-stream, whose socket closes', async () => {
    const model = await cachedModel([{ text: 'a'.repeat(200), chunkSize: 2, delayMs: 5 }, { text: 'complete' }]);
    const controller = new AbortController();
    const chunks: AIMessageChunk[] = [];
    await expect(
      (async () => {
        for await (const chunk of model.stream('x', { signal: controller.signal })) {
          chunks.push(chunk);
          if (chunks.length === 3) controller.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(AbortError);
    await completions()[0]!.socketClosed;
    expect(completions()[0]!.closedEarly).toBe(true);
    expect((await model.invoke('x')).content).toBe('complete');
    expect((await model.invoke('x')).content).toBe('complete');
    expect(completions()).toHaveLength(2);
  });

  it('makes one request for identical requests in flight together', async () => {
    const model = await cachedModel({ text: 'shared reply', chunkSize: 2, delayMs: 2 });
    const replies = await Promise.all([model.invoke('x'), model.invoke('x'), collect(model.stream('x')).then((chunks) => ({ content: text(chunks) }))]);
    expect(replies.map((reply) => reply.content)).toEqual(['shared reply', 'shared reply', 'shared reply']);
    expect(completions()).toHaveLength(1);
  });

  it('evicts the least recently used reply at maxEntries', async () => {
    const model = await cachedModel({ text: 'ok' }, new InMemoryCache({ maxEntries: 1 }));
    await model.invoke('a');
    await model.invoke('a');
    await model.invoke('b');
    await model.invoke('a');
    expect(completions().map((request) => request.body?.messages?.at(-1)?.content)).toEqual(['a', 'b', 'a']);
  });
});
