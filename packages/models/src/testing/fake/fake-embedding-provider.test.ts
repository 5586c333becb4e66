import { abortListeners, promiseState } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEmbeddingProvider } from '@rivulet/models/testing';

afterEach(() => void vi.useRealTimers());

describe('FakeEmbeddingProvider', () => {
  it('ends its delay when the request aborts, rejecting with the reason and leaving no timer or listener', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const reason = new Error('stop');
    const call = promiseState(new FakeEmbeddingProvider({ delayMs: 10_000 }).doEmbed({ values: ['a'], signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    expect(call.state).toBe('pending');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toEqual({ state: 'rejected', reason });
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
