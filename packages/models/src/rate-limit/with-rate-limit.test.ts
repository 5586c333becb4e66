import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, AIMessage, HumanMessage, ProviderError, TimeoutError } from '@rivulet/core';
import { InMemoryCache, estimateTokens, rateLimiter } from '@rivulet/models';
import { FakeChatModel } from '@rivulet/models/testing';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

/** How many requests the model had sent at each of `times` (virtual ms from now). */
async function requestsAt(model: FakeChatModel, times: readonly number[]): Promise<number[]> {
  const counts: number[] = [];
  for (const at of times) {
    await vi.advanceTimersByTimeAsync(at - Date.now());
    counts.push(model.requests.length);
  }
  return counts;
}

describe('estimateTokens', () => {
  it('counts the text a provider reads at 4 characters a token, plus maxTokens', () => {
    const request = { messages: [new HumanMessage('x'.repeat(40)), new AIMessage({ content: '', toolCalls: [{ id: 'c', name: 't', args: { q: 'abcd' } }] })], params: {} };
    expect(estimateTokens(request)).toBe(10 + 3); // 40 characters, and '{"q":"abcd"}'
    expect(estimateTokens({ ...request, params: { maxTokens: 100 } })).toBe(113);
    const tools = [{ name: 'weather', parameters: { type: 'object' } }];
    expect(estimateTokens({ ...request, tools })).toBe(13 + Math.ceil(JSON.stringify(tools).length / 4));
  });
});

describe('model.withRateLimit', () => {
  it('sends requests as the budget allows', async () => {
    const model = new FakeChatModel('ok').withRateLimit(rateLimiter({ requestsPerMinute: 60 }));
    const batch = model.batch(['a', 'b', 'c']);
    expect(await requestsAt(model, [0, 999, 1_000, 1_999, 2_000])).toEqual([1, 1, 2, 2, 3]);
    await batch;
  });

  it('corrects the estimate by the reported usage', async () => {
    // 600 tokens a minute: 10 a second. 'hi' is estimated at 1 token; the fake reports 13.
    const model = new FakeChatModel({ text: 'ok', usage: { inputTokens: 10, outputTokens: 3, totalTokens: 13 } }).withRateLimit(
      rateLimiter({ tokensPerMinute: 600 }),
    );
    await model.invoke('hi'); // 10 - 13 = 3 owed
    expect(estimateTokens(model.requests[0]!)).toBe(1);
    const second = model.invoke('hi');
    expect(await requestsAt(model, [0, 399, 400])).toEqual([1, 1, 2]);
    await second;
  });

  it('holds every caller back after a 429, until its Retry-After', async () => {
    const limited = new ProviderError('slow down', { provider: 'fake', status: 429, retryAfterMs: 3_000 });
    const model = new FakeChatModel([{ error: limited }, 'ok'], { maxRetries: 0 }).withRateLimit(rateLimiter({ requestsPerMinute: 600 }));
    await expect(model.invoke('a')).rejects.toBe(limited);
    const next = model.invoke('b');
    expect(await requestsAt(model, [0, 2_999, 3_000])).toEqual([1, 1, 2]);
    expect((await next).content).toBe('ok');
  });

  it('a run aborted while waiting fails with AbortError, sends nothing and leaves no timer', async () => {
    const model = new FakeChatModel('ok').withRateLimit(rateLimiter({ requestsPerMinute: 60 }));
    await model.invoke('first');
    const controller = new AbortController();
    const waiting = model.invoke('second', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
    expect(model.requests).toHaveLength(1);
    const third = model.invoke('third');
    expect(await requestsAt(model, [999, 1_000])).toEqual([1, 2]);
    await third;
  });

  it('a run timeout ends the wait too, with TimeoutError', async () => {
    const model = new FakeChatModel('ok').withRateLimit(rateLimiter({ requestsPerMinute: 60 }));
    await model.invoke('first');
    const waiting = model.invoke('second', { timeout: 300 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(300);
    expect(await waiting).toBeInstanceOf(TimeoutError);
    expect([vi.getTimerCount(), model.requests.length]).toEqual([0, 1]);
  });

  it('cache hits take nothing from the budget', async () => {
    const model = new FakeChatModel('ok').withCache(new InMemoryCache()).withRateLimit(rateLimiter({ requestsPerMinute: 60 }));
    await model.invoke('same');
    expect((await model.invoke('same')).content).toBe('ok'); // no timer advanced: it did not wait
    expect([model.requests.length, Date.now()]).toEqual([1, 0]);
  });
});
