import { eventually } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AIMessage, HumanMessage, InputError, ProviderError, TruncatedStreamError, type AIMessageChunk } from '@rivulet/core';
import { collect, settle } from '@rivulet/core/testing';
import { cacheKey, InMemoryCache, tool, type CachedResponse, type ModelCache } from '@rivulet/models';
import { FakeChatModel, type FakeReply } from '@rivulet/models/testing';

afterEach(() => vi.useRealTimers());

// Cache keys are hashed by Web Crypto, on Node's thread pool: real asynchrony that fake timers do
// not drive. Before moving fake time on, wait (on the real clock) for the requests to be sent.
const untilRequests = (model: FakeChatModel, count: number): Promise<void> => eventually(() => model.requests.length >= count, `${count} requests`);

/** A store that keeps what a shared store would (JSON text) and records what it was given. */
class RecordingStore implements ModelCache {
  readonly entries = new Map<string, string>();
  readonly stored: CachedResponse[] = [];
  get(key: string): Promise<CachedResponse | undefined> {
    const text = this.entries.get(key);
    return Promise.resolve(text === undefined ? undefined : (JSON.parse(text) as CachedResponse));
  }
  set(key: string, value: CachedResponse): Promise<void> {
    this.stored.push(value);
    this.entries.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

const failure = (status: number) => new ProviderError(`failed with ${status}`, { provider: 'fake', status });
const weather = tool({ name: 'weather', schema: z.object({ city: z.string() }) });

describe('model.withCache', () => {
  it('replays a hit as the same chunks in the same order, with no request', async () => {
    const reply: FakeReply = { reasoning: 'Think.', text: 'Rivers run.', toolCalls: [{ name: 'weather', args: { city: 'Oslo' } }] };
    const model = new FakeChatModel(reply, { chunkSize: 3 }).bindTools([weather]).withCache(new InMemoryCache());
    const first = await collect(model.stream('hi'));
    const second = await collect(model.stream('hi'));
    expect(model.requests).toHaveLength(1);
    expect(second).toEqual(first);
    expect(second.length).toBeGreaterThan(5);
    expect((await model.invoke('hi')).toolCalls).toEqual([{ id: 'call_0', name: 'weather', args: { city: 'Oslo' } }]);
    expect(model.requests).toHaveLength(1);
  });

  it('stores values that survive JSON unchanged', async () => {
    const store = new RecordingStore();
    await new FakeChatModel({ text: 'Hello', toolCalls: [{ name: 'weather', args: { city: 'Rome' } }] }).withCache(store).invoke('x');
    expect(store.stored).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(store.stored[0]))).toEqual(store.stored[0]);
  });

  it('misses on anything the provider would see differently, and only on that', async () => {
    const store = new InMemoryCache();
    const model = new FakeChatModel('answer').withCache(store);
    await model.invoke('hi');
    await model.withOptions({ temperature: 0.5 }).invoke('hi');
    await model.invoke('hello');
    await model.bindTools([weather]).invoke('hi');
    await model.withOptions({ providerOptions: { user: 'u1' } }).invoke('hi');
    expect(model.requests).toHaveLength(5);
    // The same request written another way: message classes, key order, a message id.
    await model.invoke([{ role: 'user', content: 'hi' }]);
    await model.invoke([new HumanMessage({ content: 'hi', id: 'msg_1' })]);
    expect(model.requests).toHaveLength(5);
    expect(store.size).toBe(5);
  });

  it('keys ignore key order and message ids, and name the provider and model', async () => {
    const provider = { provider: 'openai', modelId: 'gpt-test' };
    const request = (providerOptions: Record<string, unknown>, id?: string) => ({
      messages: [new AIMessage({ content: 'earlier', id }), new HumanMessage('now')],
      params: { temperature: 0 },
      providerOptions,
    });
    const key = await cacheKey(provider, request({ a: 1, b: { c: 2, d: 3 } }, 'one'));
    expect(await cacheKey(provider, request({ b: { d: 3, c: 2 }, a: 1 }, 'two'))).toBe(key);
    expect(await cacheKey(provider, request({ a: 2, b: { c: 2, d: 3 } }))).not.toBe(key);
    expect(await cacheKey({ ...provider, modelId: 'gpt-other' }, request({ a: 1, b: { c: 2, d: 3 } }))).not.toBe(key);
    expect(key).toMatch(/^openai:gpt-test:[0-9a-f]{64}$/);
  });

  it('stores nothing for a failed or truncated run', async () => {
    const model = new FakeChatModel([{ error: failure(400) }, { text: 'cut', truncate: true }, 'whole']).withCache(new InMemoryCache());
    await expect(model.invoke('x')).rejects.toBeInstanceOf(ProviderError);
    await expect(model.invoke('x')).rejects.toBeInstanceOf(TruncatedStreamError);
    expect((await model.invoke('x')).content).toBe('whole');
    expect((await model.invoke('x')).content).toBe('whole');
    expect(model.requests).toHaveLength(3);
  });

  it('stores nothing for a run cancelled mid-stream', async () => {
    vi.useFakeTimers();
    const model = new FakeChatModel(['a long reply', 'another'], { chunkSize: 2, delayMs: 10 }).withCache(new InMemoryCache());
    const controller = new AbortController();
    const chunks: AIMessageChunk[] = [];
    const run = settle(model.stream('x', { signal: controller.signal }));
    const subscription = model.stream('y').subscribe((chunk) => chunks.push(chunk));
    await untilRequests(model, 2);
    await vi.advanceTimersByTimeAsync(25);
    controller.abort();
    subscription.unsubscribe();
    expect(chunks.length).toBeGreaterThan(0);
    expect((await run).error).toMatchObject({ name: 'AbortError' });
    const again = Promise.all([model.invoke('x'), model.invoke('y')]);
    await untilRequests(model, 4);
    await vi.runAllTimersAsync();
    expect((await again).map((reply) => reply.content)).toEqual(['another', 'another']);
    expect(model.requests).toHaveLength(4);
  });

  it('makes one request for identical misses in flight together, and each run gets the whole reply', async () => {
    vi.useFakeTimers();
    const model = new FakeChatModel(['only once', 'never'], { delayMs: 5 }).withCache(new InMemoryCache());
    const first = model.invoke('x');
    const second = model.invoke('x');
    const streamed = collect(model.stream('x'));
    await untilRequests(model, 1);
    await vi.runAllTimersAsync();
    expect(model.requests).toHaveLength(1);
    expect([(await first).content, (await second).content, text(await streamed)]).toEqual(['only once', 'only once', 'only once']);
  });

  it('gives those waiting the first run\'s failure, not a request each', async () => {
    vi.useFakeTimers();
    const model = new FakeChatModel([{ text: 'abcdefgh', error: failure(400), errorAfterChunks: 1 }, 'never'], { delayMs: 5 }).withCache(new InMemoryCache());
    const runs = [model.invoke('x'), model.invoke('x')].map((run) => run.catch((error: unknown) => error));
    await untilRequests(model, 1);
    await vi.runAllTimersAsync();
    expect(await Promise.all(runs)).toEqual([failure(400), failure(400)]);
    expect(model.requests).toHaveLength(1);
  });

  it('hands the request over to a waiting run when the first is cancelled', async () => {
    vi.useFakeTimers();
    const model = new FakeChatModel(['abandoned', 'taken over', 'never'], { delayMs: 5 }).withCache(new InMemoryCache());
    const controller = new AbortController();
    const cancelled = model.invoke('x', { signal: controller.signal }).catch((error: unknown) => error);
    const waiting = [model.invoke('x'), model.invoke('x')];
    await untilRequests(model, 1);
    await vi.advanceTimersByTimeAsync(2);
    controller.abort();
    await untilRequests(model, 2);
    await vi.runAllTimersAsync();
    expect(await cancelled).toMatchObject({ name: 'AbortError' });
    expect((await Promise.all(waiting)).map((reply) => reply.content)).toEqual(['taken over', 'taken over']);
    expect(model.requests).toHaveLength(2);
    expect(model.requests[0]!.signal.aborted).toBe(true);
  });

  it('evicts the least recently used reply past maxEntries', async () => {
    const store = new InMemoryCache({ maxEntries: 2 });
    const model = new FakeChatModel('answer').withCache(store);
    await model.invoke('a');
    await model.invoke('b');
    await model.invoke('a'); // a hit: 'a' is now the most recently used
    await model.invoke('c'); // evicts 'b'
    expect([store.size, model.requests.length]).toEqual([2, 3]);
    await model.invoke('a');
    await model.invoke('c');
    expect(model.requests).toHaveLength(3);
    await model.invoke('b');
    expect(model.requests).toHaveLength(4);
    expect(() => new InMemoryCache({ maxEntries: 0 })).toThrow(InputError);
  });

  it('fails the run with the store\'s error: before any request when reading, after the reply when writing', async () => {
    const broken = new Error('store unreachable');
    const unreadable: ModelCache = { get: () => Promise.reject(broken), set: () => Promise.resolve() };
    const reading = new FakeChatModel('never sent').withCache(unreadable);
    await expect(reading.invoke('x')).rejects.toBe(broken);
    expect(reading.requests).toHaveLength(0);

    const unwritable: ModelCache = { get: () => Promise.resolve(undefined), set: () => Promise.reject(broken) };
    const { chunks, error } = await settle(new FakeChatModel('delivered').withCache(unwritable).stream('x'));
    expect([text(chunks), error]).toEqual(['delivered', broken]);
  });
});

const text = (chunks: readonly AIMessageChunk[]) => chunks.map((chunk) => chunk.content).join('');
