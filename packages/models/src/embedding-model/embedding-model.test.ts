import { eventually, sleep } from '@rivulet/test-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, InputError, lambda, ProviderError, TimeoutError } from '@rivulet/core';
import type { EmbeddingModelProviderV1, EmbeddingRequestV1, EmbeddingResultV1 } from '@rivulet/provider';
import { EmbeddingModel } from '@rivulet/models';
import { FakeEmbeddingModel, FakeEmbeddingProvider, hashEmbedding } from '@rivulet/models/testing';

const texts = (n: number): string[] => Array.from({ length: n }, (_, i) => `text ${i}`);
const rateLimited = (retryAfterMs: number): ProviderError =>
  new ProviderError('slow down', { provider: 'fake', status: 429, retryAfterMs });

describe('EmbeddingModel', () => {
  it('embeds one text: embed and invoke give the provider vector from one call', async () => {
    const model = new FakeEmbeddingModel({ dimensions: 16 });
    expect(await model.embed('a river')).toEqual(hashEmbedding('a river', 16));
    expect(await model.invoke('a river')).toEqual(hashEmbedding('a river', 16));
    expect(model.requests.map((r) => r.values)).toEqual([['a river'], ['a river']]);
    expect(model.name).toBe('fake:fake-embedding');
  });

  it('batches embedMany by maxEmbeddingsPerCall, keeps the input order and sums usage', async () => {
    const model = new FakeEmbeddingModel({ maxEmbeddingsPerCall: 2 });
    const result = await model.embedMany(['a', 'b c', 'd', 'e f g', 'h']);
    expect(model.requests.map((r) => r.values)).toEqual([['a', 'b c'], ['d', 'e f g'], ['h']]);
    expect(result.embeddings).toEqual(['a', 'b c', 'd', 'e f g', 'h'].map((t) => hashEmbedding(t, 8)));
    expect(result.usage).toEqual({ inputTokens: 8 });
    expect(result.metadata).toEqual([{ call: 0 }, { call: 1 }, { call: 2 }]);
  });

  it('sends everything in one call when the provider has no limit', async () => {
    const model = new FakeEmbeddingModel();
    await model.embedMany(texts(300));
    expect(model.requests.map((r) => r.values.length)).toEqual([300]);
  });

  it('answers no texts with no vectors and no call', async () => {
    const model = new FakeEmbeddingModel();
    expect(await model.embedMany([])).toEqual({ embeddings: [], usage: { inputTokens: 0 }, metadata: [] });
    expect(await model.batch([])).toEqual([]);
    expect(model.requests).toHaveLength(0);
  });

  it('reports no usage when a call reported none', async () => {
    const result = await new FakeEmbeddingModel({ omitUsage: true }).embedMany(['a']);
    expect(result.usage).toBeUndefined();
  });

  it('passes providerOptions and the abort signal to the provider', async () => {
    const model = new FakeEmbeddingModel({ providerOptions: { dimensions: 3 } });
    await model.embed('x');
    expect(model.requests[0]?.providerOptions).toEqual({ dimensions: 3 });
    expect(model.requests[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('refuses input of the wrong type before any call', async () => {
    const model = new FakeEmbeddingModel();
    await expect(model.embed(42 as never)).rejects.toBeInstanceOf(InputError);
    await expect(model.embed(['a'] as never)).rejects.toThrow(/embedMany/);
    await expect(model.embedMany('abc' as never)).rejects.toBeInstanceOf(InputError);
    await expect(model.embedMany(['a', null] as never)).rejects.toThrow(/text 1/);
    await expect(model.embedMany(['a'], { maxParallelCalls: 0 })).rejects.toBeInstanceOf(InputError);
    expect(model.requests).toHaveLength(0);
  });

  it('fails with malformed_event, unretried, when the provider returns the wrong number of vectors', async () => {
    const provider = scriptedProvider(async ({ values }) => ({ embeddings: values.slice(1).map(() => [1, 2]) }));
    const error = await new EmbeddingModel(provider, { maxRetries: 2 }).embedMany(['a', 'b']).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false, provider: 'scripted' });
    expect(provider.calls).toBe(1);
    const notArrays = scriptedProvider(async () => ({ embeddings: ['nope'] as never }));
    await expect(new EmbeddingModel(notArrays).embed('a')).rejects.toMatchObject({ code: 'malformed_event' });
  });

  it('turns a raw provider failure into a retryable ProviderError', async () => {
    const provider = scriptedProvider(async () => {
      throw new TypeError('socket hang up');
    });
    const error = await new EmbeddingModel(provider, { maxRetries: 0 }).embed('a').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', provider: 'scripted', retryable: true });
  });

  it('is a Runnable: a chain step, traced, batched at the provider', async () => {
    const model = new FakeEmbeddingModel({ maxEmbeddingsPerCall: 3 });
    const events = [];
    for await (const event of model.streamEvents('hello')) events.push(event.type);
    expect(events).toEqual(['start', 'chunk', 'end']);
    const vectors = await model.batch(texts(7));
    expect(vectors).toEqual(texts(7).map((t) => hashEmbedding(t, 8)));
    expect(model.requests.slice(1).map((r) => r.values.length)).toEqual([3, 3, 1]);
    const chain = model.pipe((vector) => vector.length);
    expect(await chain.invoke('x')).toBe(8);
  });

  it('embedMany called with a step context runs as its child: nested events, and the outer abort reaches the call', async () => {
    const model = new FakeEmbeddingModel({ delayMs: 1_000 });
    const step = lambda(async (values: string[], ctx) => (await model.embedMany(values, ctx)).embeddings.length);
    const events: { name: string; parentRunId?: string | undefined; runId: string }[] = [];
    const controller = new AbortController();
    const failed = step.invoke(['a', 'b'], { signal: controller.signal, callbacks: { onStart: (e) => void events.push(e) } }).catch((e: unknown) => e);
    await eventually(() => model.requests.length === 1, 'the request');
    controller.abort();
    expect(await failed).toBeInstanceOf(AbortError);
    expect(model.requests[0]?.signal.aborted).toBe(true);
    expect(events.map((e) => e.name)).toEqual(['lambda', 'fake:fake-embedding']);
    expect(events[1]?.parentRunId).toBe(events[0]?.runId);
  });

  it('batch with returnExceptions fails only the texts the provider refuses', async () => {
    const refused = new ProviderError('too long', { provider: 'fake', status: 400 });
    const model = new FakeEmbeddingModel({ maxEmbeddingsPerCall: 10, errors: [undefined, refused, undefined] });
    const results = await model.batch(['a', 'b', 'c'], { returnExceptions: true, maxConcurrency: 1 });
    expect(results).toEqual([hashEmbedding('a', 8), refused, hashEmbedding('c', 8)]);
  });

  it('derived models keep their class, provider and options', async () => {
    const model = new FakeEmbeddingModel({ maxEmbeddingsPerCall: 1 });
    const derived = model.withOptions({ providerOptions: { user: 'u1' } });
    expect(derived).toBeInstanceOf(FakeEmbeddingModel);
    await derived.embed('a');
    expect(model.requests[0]?.providerOptions).toEqual({ user: 'u1' });
    expect(derived.options.maxRetries).toBe(0);
  });

  describe('in virtual time', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('runs at most maxParallelCalls batches at once, and keeps the input order when they finish out of order', async () => {
      // Later batches answer sooner: batch i takes (10 - i) * 10 ms.
      const provider = scriptedProvider(
        ({ values }) => sleep((10 - Number(values[0]?.split(' ')[1])) * 10).then(() => ({ embeddings: values.map((v) => [Number(v.split(' ')[1])]) })),
        { maxEmbeddingsPerCall: 1 },
      );
      const done = new EmbeddingModel(provider, { maxParallelCalls: 3 }).embedMany(texts(10));
      await vi.advanceTimersByTimeAsync(1);
      expect(provider.inFlight).toBe(3);
      await vi.runAllTimersAsync();
      const { embeddings } = await done;
      expect(embeddings).toEqual(texts(10).map((_, i) => [i]));
      expect(provider.calls).toBe(10);
      expect(provider.maxInFlight).toBe(3);
    });

    it('runs batches one at a time when the provider does not support parallel calls', async () => {
      const provider = new FakeEmbeddingProvider({ maxEmbeddingsPerCall: 2, supportsParallelCalls: false, delayMs: 10 });
      const done = new EmbeddingModel(provider, { maxParallelCalls: 8 }).embedMany(texts(9));
      await vi.runAllTimersAsync();
      expect((await done).embeddings).toHaveLength(9);
      expect(provider.requests).toHaveLength(5);
      expect(provider.maxConcurrentCalls).toBe(1);
    });

    it('defaults to 4 parallel calls', async () => {
      const provider = new FakeEmbeddingProvider({ maxEmbeddingsPerCall: 1, delayMs: 10 });
      const done = new EmbeddingModel(provider).embedMany(texts(9));
      await vi.runAllTimersAsync();
      await done;
      expect(provider.maxConcurrentCalls).toBe(4);
    });

    it('retries a rate-limited batch after Retry-After, and only that batch', async () => {
      const model = new FakeEmbeddingModel({
        maxEmbeddingsPerCall: 2,
        maxParallelCalls: 1,
        maxRetries: 2,
        retry: { initialDelayMs: 10, jitter: false },
        errors: [undefined, rateLimited(5_000)],
      });
      const done = model.embedMany(texts(4));
      await vi.advanceTimersByTimeAsync(4_999);
      expect(model.requests).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      const { embeddings } = await done;
      expect(model.requests.map((r) => r.values)).toEqual([texts(2), texts(4).slice(2), texts(4).slice(2)]);
      expect(embeddings).toEqual(texts(4).map((t) => hashEmbedding(t, 8)));
    });

    it('gives up after maxRetries (default 2) and never retries a final error', async () => {
      const busy = new ProviderError('overloaded', { provider: 'fake', status: 503 });
      const model = new EmbeddingModel(new FakeEmbeddingProvider({ errors: [busy, busy, busy, busy] }), { retry: { initialDelayMs: 100 } });
      const failed = model.embed('a').catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      expect(await failed).toBe(busy);
      expect((model.provider as FakeEmbeddingProvider).requests).toHaveLength(3);

      const unauthorized = new ProviderError('bad key', { provider: 'fake', status: 401 });
      const final = new FakeEmbeddingModel({ maxRetries: 2, errors: [unauthorized] });
      await expect(final.embed('a')).rejects.toBe(unauthorized);
      expect(final.requests).toHaveLength(1);
    });

    it('aborting the signal aborts every call in flight and starts no further batch', async () => {
      const model = new FakeEmbeddingModel({ maxEmbeddingsPerCall: 1, maxParallelCalls: 2, delayMs: 1_000 });
      const controller = new AbortController();
      const failed = model.embedMany(texts(6), { signal: controller.signal }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(500);
      controller.abort();
      expect(await failed).toBeInstanceOf(AbortError);
      await vi.runAllTimersAsync();
      expect(model.requests).toHaveLength(2);
      expect(model.requests.every((r) => r.signal.aborted)).toBe(true);
    });

    it('a batch that fails for good aborts the others in flight', async () => {
      const refused = new ProviderError('bad input', { provider: 'fake', status: 400 });
      const provider = scriptedProvider(
        ({ values }) => (values[0] === 'text 1' ? Promise.reject(refused) : sleep(1_000).then(() => ({ embeddings: values.map(() => [0]) }))),
        { maxEmbeddingsPerCall: 1 },
      );
      const failed = new EmbeddingModel(provider, { maxParallelCalls: 2 }).embedMany(texts(5)).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1);
      expect(await failed).toBe(refused);
      expect(provider.requests.map((r) => [r.values[0], r.signal.aborted])).toEqual([
        ['text 0', true],
        ['text 1', true],
      ]);
    });

    it('times out the whole run (timeout) and aborts its calls', async () => {
      const model = new FakeEmbeddingModel({ delayMs: 10_000, timeout: 50 });
      const failed = model.embed('a').catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(50);
      const error = await failed;
      expect(TimeoutError.isInstance(error) && error.kind).toBe('run');
      expect(model.requests[0]?.signal.aborted).toBe(true);

      const perCall = model.embedMany(['a'], { timeout: 20 }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(20);
      expect(await perCall).toMatchObject({ name: 'TimeoutError', timeoutMs: 20 });
    });

    it('retries a call that stays silent past idleTimeout', async () => {
      const model = new FakeEmbeddingModel({ delayMs: 10_000, idleTimeout: 100, maxRetries: 1, retry: { initialDelayMs: 1, jitter: false } });
      const failed = model.embed('a').catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(201);
      expect(await failed).toMatchObject({ name: 'TimeoutError', kind: 'idle', timeoutMs: 100 });
      expect(model.requests).toHaveLength(2);
      expect(model.requests.every((r) => r.signal.aborted)).toBe(true);
    });
  });
});

interface ScriptedProvider extends EmbeddingModelProviderV1 {
  readonly requests: EmbeddingRequestV1[];
  readonly calls: number;
  readonly inFlight: number;
  readonly maxInFlight: number;
}

/** A provider answering each call with `answer`, counting calls and concurrency. */
function scriptedProvider(
  answer: (request: EmbeddingRequestV1) => Promise<EmbeddingResultV1>,
  limits: { readonly maxEmbeddingsPerCall?: number } = {},
): ScriptedProvider {
  const state = { requests: [] as EmbeddingRequestV1[], inFlight: 0, maxInFlight: 0 };
  return {
    specificationVersion: 'v1',
    provider: 'scripted',
    modelId: 'scripted-1',
    maxEmbeddingsPerCall: limits.maxEmbeddingsPerCall,
    get requests() {
      return state.requests;
    },
    get calls() {
      return state.requests.length;
    },
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    async doEmbed(request) {
      state.requests.push(request);
      state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight);
      try {
        return await answer(request);
      } finally {
        state.inFlight--;
      }
    },
  };
}
