import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { rateLimiter } from '@rivulet/models';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('rateLimiter, for any arrivals', () => {
  it('grants everyone, in arrival order, never more requests in a stretch of time than the burst and the rate allow', async () => {
    const perMinute = 120; // 2 a second; a burst of 2
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 3_000 }), tokens: fc.integer({ min: 0, max: 30 }), used: fc.integer({ min: 0, max: 30 }) }), {
          maxLength: 25,
        }),
        async (arrivals) => {
          vi.setSystemTime(0);
          const limiter = rateLimiter({ requestsPerMinute: perMinute, tokensPerMinute: 600 });
          const ordered = [...arrivals].sort((a, b) => a.at - b.at);
          const granted: { index: number; at: number }[] = [];
          ordered.forEach((arrival, index) =>
            setTimeout(() => {
              void limiter.acquire({ requests: 1, tokens: arrival.tokens }).then((permit) => {
                granted.push({ index, at: Date.now() });
                permit.settle({ tokens: arrival.used });
              });
            }, arrival.at),
          );
          await vi.runAllTimersAsync();
          expect(granted.map((grant) => grant.index)).toEqual(ordered.map((_, index) => index));
          for (let i = 0; i < granted.length; i++) {
            for (let j = i; j < granted.length; j++) {
              const span = granted[j]!.at - granted[i]!.at;
              expect(j - i + 1).toBeLessThanOrEqual(2 + (span * perMinute) / 60_000 + 1e-6);
            }
          }
          expect(vi.getTimerCount()).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
