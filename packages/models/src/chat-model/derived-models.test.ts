import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ChatModel, DEFAULT_BATCH_CONCURRENCY, InMemoryCache, tool } from '@rivulet/models';
import { FakeChatModel } from '@rivulet/models/testing';
import { lambda, ProviderError, type AIMessageChunk, type RunEvent } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';

const failure = (status: number) => new ProviderError(`failed with ${status}`, { provider: 'fake', status });
const weather = tool({ name: 'weather', description: 'Weather in a city', schema: z.object({ city: z.string() }) });
const clock = tool({ name: 'clock', schema: z.object({ zone: z.string() }) });
const toolNames = (model: FakeChatModel) => model.requests.map((request) => request.tools?.map((t) => t.name));

describe('models made by withFallbacks, withRetry and withConfig', () => {
  it('withFallbacks keeps the class, and bindTools binds the tools to every model of the chain', async () => {
    const primary = new FakeChatModel({ error: failure(500) });
    const fallback = new FakeChatModel({ toolCalls: [{ name: 'weather', args: { city: 'Oslo' } }] });
    const chain = primary.withFallbacks([fallback]).bindTools([weather]);
    expect(chain).toBeInstanceOf(FakeChatModel);
    const reply = await chain.invoke('Weather in Oslo?');
    expect(reply.toolCalls).toEqual([{ id: 'call_0', name: 'weather', args: { city: 'Oslo' } }]);
    expect([toolNames(primary), toolNames(fallback)]).toEqual([[['weather']], [['weather']]]);
  });

  it('bindTools adds to the tools each model of the chain already had', async () => {
    const primary = new FakeChatModel({ error: failure(503) });
    const fallback = new FakeChatModel('ok');
    await primary.withFallbacks([fallback.bindTools([clock])]).bindTools([weather], { toolChoice: 'auto' }).invoke('x');
    expect([toolNames(primary), toolNames(fallback)]).toEqual([[['weather']], [['clock', 'weather']]]);
    expect(fallback.requests[0]!.toolChoice).toBe('auto');
  });

  it('withStructuredOutput asks every model of the chain for the schema', async () => {
    const trip = z.object({ city: z.string(), days: z.number() });
    const primary = new FakeChatModel({ error: failure(500) });
    const fallback = new FakeChatModel(JSON.stringify({ city: 'Lisbon', days: 3 }), { chunkSize: 3 });
    const structured = primary.withFallbacks([fallback]).withStructuredOutput(trip, { name: 'trip' });
    const snapshots = await collect(structured.stream('Plan a trip'));
    expect(snapshots.at(-1)).toEqual({ city: 'Lisbon', days: 3 });
    expect(snapshots).toContainEqual({ city: 'Lisbon' });
    for (const model of [primary, fallback]) expect(model.requests[0]!.responseFormat).toMatchObject({ type: 'json_schema', name: 'trip', strict: true });
  });

  it('a fallback that is not a chat model gives a plain runnable', async () => {
    const primary = new FakeChatModel({ error: failure(500) });
    const chain = primary.withFallbacks([lambda(async () => new FakeChatModel('from a lambda').invoke('x'))]);
    expect(chain).not.toBeInstanceOf(ChatModel);
    expect((await chain.invoke('x')).content).toBe('from a lambda');
  });

  it('withRetry runs the whole model again, retrying what its own retries do not, and survives bindTools', async () => {
    const model = new FakeChatModel([{ error: failure(400) }, 'second run'], { maxRetries: 2 });
    await expect(model.invoke('x')).rejects.toBeInstanceOf(ProviderError);
    expect(model.requests).toHaveLength(1);
    const retried = new FakeChatModel([{ error: failure(400) }, 'second run'], { maxRetries: 2 })
      .withRetry({ maxAttempts: 2, initialDelayMs: 1, retryOn: () => true })
      .bindTools([weather]);
    expect(retried).toBeInstanceOf(FakeChatModel);
    expect((await retried.invoke('x')).content).toBe('second run');
    expect(toolNames(retried)).toEqual([['weather'], ['weather']]);
  });

  it('withConfig keeps its run options through later model methods', async () => {
    const model = new FakeChatModel('hi').withConfig({ runName: 'writer', tags: ['drafts'], metadata: { team: 'docs' } }).bindTools([weather]);
    expect(model).toBeInstanceOf(FakeChatModel);
    const events = await collect(model.streamEvents('x'));
    const start = events.find((event): event is Extract<RunEvent, { type: 'start' }> => event.type === 'start');
    expect(start).toMatchObject({ name: 'writer', tags: ['drafts'], metadata: { team: 'docs' } });
    expect(toolNames(model)).toEqual([['weather']]);
  });

  it('withOptions reaches every model through nested wrappings, each keeping its own class', async () => {
    const primary = new FakeChatModel({ error: failure(500) });
    const fallback = new FakeChatModel('ok');
    const chain = primary
      .withRetry({ maxAttempts: 1 })
      .withFallbacks([fallback.withConfig({ tags: ['backup'] })])
      .withConfig({ tags: ['chain'] })
      .withOptions({ temperature: 0 });
    expect((await chain.invoke('x')).content).toBe('ok');
    expect([primary.requests[0]!.params, fallback.requests[0]!.params]).toEqual([{ temperature: 0 }, { temperature: 0 }]);
    expect(chain.options.temperature).toBe(0);
  });

  it('a cache given to a chain serves every model of it', async () => {
    const primary = new FakeChatModel([{ error: failure(500) }, { error: failure(500) }]);
    const fallback = new FakeChatModel('cached answer');
    const chain = primary.withFallbacks([fallback]).withCache(new InMemoryCache());
    expect((await chain.invoke('x')).content).toBe('cached answer');
    // Both fakes are the same provider and model, so the primary's lookup now hits the fallback's reply.
    expect((await chain.invoke('x')).content).toBe('cached answer');
    expect([primary.requests.length, fallback.requests.length]).toEqual([1, 1]);
  });
});

describe('batch concurrency of chat models', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const inFlight = async (model: FakeChatModel, run: () => Promise<unknown>): Promise<number> => {
    const done = run();
    await vi.advanceTimersByTimeAsync(1);
    const started = model.requests.length;
    await vi.runAllTimersAsync();
    await done;
    return started;
  };

  it(`runs at most ${DEFAULT_BATCH_CONCURRENCY} at a time unless told`, async () => {
    const model = new FakeChatModel('slow reply', { delayMs: 100 });
    const inputs = Array.from({ length: 20 }, (_, i) => `question ${i}`);
    expect(await inFlight(model, () => model.batch(inputs))).toBe(DEFAULT_BATCH_CONCURRENCY);
    const told = new FakeChatModel('slow reply', { delayMs: 100 });
    expect(await inFlight(told, () => told.batch(inputs, { maxConcurrency: 3 }))).toBe(3);
    const unbounded = new FakeChatModel('slow reply', { delayMs: 100 });
    expect(await inFlight(unbounded, () => unbounded.batch(inputs, { maxConcurrency: Infinity }))).toBe(20);
    const asCompleted = new FakeChatModel('slow reply', { delayMs: 100 }).withFallbacks([new FakeChatModel('never')]);
    expect(await inFlight(asCompleted, () => collect(asCompleted.batchAsCompleted(inputs)))).toBe(DEFAULT_BATCH_CONCURRENCY);
  });

  it('keeps the order of inputs and the returnExceptions overload', async () => {
    const model = new FakeChatModel([{ error: failure(400) }, 'b', 'c']);
    const results = model.batch(['a', 'b', 'c'], { returnExceptions: true, maxConcurrency: 1 });
    await vi.runAllTimersAsync();
    const [first, ...rest] = await results;
    expect(first).toBeInstanceOf(ProviderError);
    expect(rest.map((reply) => (reply as AIMessageChunk).content)).toEqual(['b', 'c']);
  });
});
