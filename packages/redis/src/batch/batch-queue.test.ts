import { eventually } from '@rivulet/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { AIMessageChunk, AbortError, InputError, ProviderError, lambda, type BatchResult } from '@rivulet/core';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { RedisRateLimiter } from '../rate-limit/redis-rate-limiter.js';
import { useRedisServer } from '../test-support/redis-server.js';
import type { BatchProgress } from './batch.js';
import { batchQueue, type BatchQueue } from './batch-queue.js';

const redis = useRedisServer();
const closing: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const item of closing.splice(0).reverse()) await item.close();
});

let queues = 0;
function queue<I, O>(name = `q${++queues}`): BatchQueue<I, O> {
  const made = batchQueue<I, O>(name, { connection: { url: redis.url }, prefix: `t${queues}` });
  closing.push(made);
  return made;
}

/** A step that doubles numbers after a short pause, counting its runs per input; 13 is bad input. */
function doubler() {
  const runs = new Map<number, number>();
  const step = lambda(async (n: number) => {
    runs.set(n, (runs.get(n) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, (n * 7) % 11));
    if (n === 13) throw new InputError('13 is unlucky');
    return n * 2;
  });
  return { step, runs };
}

const summary = (results: readonly BatchResult<unknown>[]) => results.map((r) => (r.error ? `${r.index}:${r.error.name}` : `${r.index}:${String(r.output)}`));

describe('batchQueue', () => {
  it('delivers every result once, in input order, a failed input as its error; progress counts up to the total', async () => {
    const q = queue<number, number>();
    const { step } = doubler();
    q.worker(step, { concurrency: 5 });
    q.worker(step, { concurrency: 3 });
    const inputs = Array.from({ length: 40 }, (_, n) => n);
    const batch = await q.add(inputs);
    const progress: BatchProgress[] = [];
    const watching = new Promise<void>((resolve, reject) => batch.progress().subscribe({ next: (p) => progress.push(p), error: reject, complete: resolve }));
    const results: BatchResult<number>[] = [];
    for await (const result of batch) results.push(result);
    await watching;
    expect(results.map((r) => r.index)).toEqual(inputs);
    expect(summary(results)).toEqual(inputs.map((n) => (n === 13 ? '13:InputError' : `${n}:${n * 2}`)));
    expect(InputError.isInstance(results[13]?.error)).toBe(true);
    expect(results[13]?.error?.message).toBe('13 is unlucky');
    expect(progress.at(-1)).toEqual({ total: 40, done: 40, failed: 1 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    // Reading again gives the same results: they are stored, not consumed.
    expect(summary(await batch.results())).toEqual(summary(results));
  });

  it('retries an input as often as attempts says, only for errors worth it', async () => {
    const q = queue<number, number>();
    const runs = new Map<number, number>();
    q.worker(
      lambda((n: number) => {
        const run = (runs.get(n) ?? 0) + 1;
        runs.set(n, run);
        if (n % 2 === 0 && run === 1) throw new Error('flaky'); // a plain error: worth another attempt
        if (n === 5) throw new ProviderError('refused', { provider: 'test', status: 400 }); // final
        return n;
      }),
    );
    const twice = await q.add([0, 1, 2, 3, 4, 5], { attempts: 2, backoffMs: 1 });
    expect(summary(await twice.results())).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4', '5:ProviderError']);
    expect([...runs.entries()].sort(([a], [b]) => a - b)).toEqual([[0, 2], [1, 1], [2, 2], [3, 1], [4, 2], [5, 1]]);
    const [error] = (await twice.results()).filter((r) => r.error).map((r) => r.error);
    expect(ProviderError.isInstance(error) && error.status).toBe(400);

    runs.clear();
    const once = await q.add([10, 11]);
    expect(summary(await once.results())).toEqual(['0:Error', '1:11']);
    expect((await once.results())[0]?.error?.message).toBe('flaky');
  });

  it('adding the same batch id again queues nothing twice; another size is refused', async () => {
    const q = queue<number, number>();
    const { step, runs } = doubler();
    const first = await q.add([1, 2, 3], { id: 'nightly-1' });
    const again = await q.add([1, 2, 3], { id: 'nightly-1' });
    q.worker(step);
    expect(summary(await again.results())).toEqual(['0:2', '1:4', '2:6']);
    expect(summary(await first.results())).toEqual(['0:2', '1:4', '2:6']);
    expect([...runs.values()]).toEqual([1, 1, 1]);
    // Again once it is done (its jobs are gone from BullMQ): the recorded results stand, nothing runs again.
    const late = await q.add([1, 2, 3], { id: 'nightly-1' });
    expect(summary(await late.results())).toEqual(['0:2', '1:4', '2:6']);
    // BullMQ removes a job once worked: wait until the three added again were.
    await eventually(async () => (await redis.client.keys(`t${q.name.slice(1)}:${q.name}:nightly-1-*`)).length === 0);
    expect([...runs.values()]).toEqual([1, 1, 1]);
    await expect(q.add([1, 2], { id: 'nightly-1' })).rejects.toThrow(/already exists with 3 inputs/);
    await expect(q.add([1], { id: 'bad:id' })).rejects.toSatisfy(InputError.isInstance);
  });

  it('a batch can be read from another process by its id', async () => {
    const name = `shared${++queues}`;
    const adding = batchQueue<number, number>(name, { connection: { url: redis.url } });
    const reading = batchQueue<number, number>(name, { connection: { client: redis.client } });
    closing.push(adding, reading);
    adding.worker(doubler().step);
    const batch = await adding.add([4, 5]);
    const elsewhere = await reading.batch(batch.id);
    expect(elsewhere.size).toBe(2);
    expect(summary(await elsewhere.results())).toEqual(['0:8', '1:10']);
    await expect(reading.batch('no-such-batch')).rejects.toThrow(/there is no batch "no-such-batch"/);
  });

  it('an empty batch is complete at once', async () => {
    const batch = await queue<number, number>().add([]);
    expect(await batch.results()).toEqual([]);
    expect(await collectProgress(batch.progress())).toEqual([{ total: 0, done: 0, failed: 0 }]);
  });

  it('aborting results() rejects with AbortError and lets go of its connection', async () => {
    const batch = await queue<number, number>().add([1, 2]); // no worker: it never completes
    const before = await connections();
    const controller = new AbortController();
    const waiting = batch.results({ signal: controller.signal });
    await eventually(async () => (await connections()) === before + 1);
    controller.abort();
    await expect(waiting).rejects.toSatisfy(AbortError.isInstance);
    await eventually(async () => (await connections()) === before);
  });

  it('works inputs with a rate-limited model on the shared budget; replies come back as messages', async () => {
    const mock = await startMockOpenAIServer((request) => ({ text: `Summary of ${String(request.body?.messages?.at(-1)?.content)}` }));
    closing.push(mock);
    const key = `batch-${++queues}`;
    const limiter = new RedisRateLimiter({ url: redis.url }, { requestsPerMinute: 6_000, key });
    closing.push(limiter);
    const model = new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: null, baseURL: mock.url }).withRateLimit(limiter);
    const q = queue<string, AIMessageChunk>();
    q.worker(model, { concurrency: 4 });
    const results = await (await q.add(['doc a', 'doc b', 'doc c'])).results();
    expect(results.map((r) => r.output?.text)).toEqual(['Summary of doc a', 'Summary of doc b', 'Summary of doc c']);
    expect(results[0]?.output).toBeInstanceOf(AIMessageChunk);
    expect(mock.requests).toHaveLength(3);
    expect(await redis.client.exists(`rivulet:rate:${key}`)).toBe(1); // the budget the workers drew on
  });

  it('rejects bad names and options with InputError', () => {
    expect(() => batchQueue('has:colon', { connection: { url: redis.url } })).toThrow(InputError);
    expect(() => batchQueue('ok', { connection: { url: redis.url }, resultTtlMs: 0 })).toThrow(/resultTtlMs/);
  });
});

async function collectProgress(progress: AsyncIterable<BatchProgress>): Promise<BatchProgress[]> {
  const seen: BatchProgress[] = [];
  for await (const p of progress) seen.push(p);
  return seen;
}

async function connections(): Promise<number> {
  return String(await redis.client.client('LIST')).trim().split('\n').length;
}

