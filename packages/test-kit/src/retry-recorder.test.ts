import { afterEach, describe, expect, it, vi } from 'vitest';
import { passRetryWait, pause, retryRecorder, timerFunctions } from './index.js';

afterEach(() => void vi.useRealTimers());

describe('retryRecorder', () => {
  it('gives each announced wait once, in order, whether announced before or after it is asked for', async () => {
    const retries = retryRecorder();
    retries.onRetry(new Error('429'), 1, 80);
    const third = retries.next().then(async (first) => [first, await retries.next(), await retries.next()]);
    retries.onRetry(new Error('500'), 2, 3);
    retries.onRetry(new Error('500'), 3, 7);
    expect(await third).toEqual([80, 3, 7]);
    expect(retries.waits).toEqual([80, 3, 7]);
  });
});

describe('timerFunctions', () => {
  it('fakes the timers and nothing the network or the kit runs on', async () => {
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    let fired = false;
    setTimeout(() => (fired = true), 10);
    await new Promise((resolve) => setImmediate(resolve));
    await pause(1);
    expect(fired).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(fired).toBe(true);
  });
});

describe('passRetryWait', () => {
  it('moves the clock to 1 ms before the wait ends, counts the requests, then ends the wait', async () => {
    const retries = retryRecorder();
    const moves: number[] = [];
    let now = 0;
    // A server that receives the retry once the clock reached the end of the wait, as a correct step sends it.
    const requests = (): number => (now >= 80 ? 2 : 1);
    const clock = { advanceTimersByTimeAsync: async (ms: number) => void moves.push((now += ms)) };
    retries.onRetry(new Error('429'), 1, 80);
    expect(await passRetryWait(clock, retries, requests)).toEqual({ waitMs: 80, requestsWhileWaiting: 1 });
    expect(moves).toEqual([79, 80]);
  });
});
