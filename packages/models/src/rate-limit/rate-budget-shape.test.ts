import { describe, expect, it } from 'vitest';
import { InputError } from '@rivulet/core';
import { rateBudgetShape } from '@rivulet/models';

// The sizes every rate limiter shares (rateLimiter here, RedisRateLimiter in @rivulet/redis).
describe('rateBudgetShape', () => {
  it('gives each bucket `burst` seconds of its rate, refilling per millisecond', () => {
    expect(rateBudgetShape({ requestsPerMinute: 600 }, 'rateLimiter')).toEqual({ requests: { capacity: 10, perMs: 0.01 }, tokens: undefined });
    expect(rateBudgetShape({ tokensPerMinute: 120_000, burst: 2 }, 'rateLimiter')).toEqual({ requests: undefined, tokens: { capacity: 4_000, perMs: 2 } });
  });

  it('holds at least one request, however slow the rate, but no least number of tokens', () => {
    const { requests, tokens } = rateBudgetShape({ requestsPerMinute: 0.06, tokensPerMinute: 6 }, 'rateLimiter');
    expect(requests).toEqual({ capacity: 1, perMs: 0.000001 });
    expect(tokens?.capacity).toBeCloseTo(0.1);
  });

  it('refuses a missing budget or a number that is not positive and finite, naming the limiter', () => {
    expect(() => rateBudgetShape({}, 'MyLimiter')).toThrow(new InputError('MyLimiter: give requestsPerMinute, tokensPerMinute or both.'));
    expect(() => rateBudgetShape({ requestsPerMinute: '60' as never }, 'MyLimiter')).toThrow(/^MyLimiter: requestsPerMinute must be a positive, finite number, got 60\.$/);
    for (const burst of [0, -1, Infinity, Number.NaN]) {
      expect(() => rateBudgetShape({ tokensPerMinute: 10, burst }, 'MyLimiter')).toThrow(InputError);
    }
  });
});
