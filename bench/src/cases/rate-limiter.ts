import { rateLimiter, type RateCost } from '@rivulet/models';
import type { BenchCase } from '../bench-case.js';
import { measureRounds } from '../measure.js';
import { scaleTiming } from '../stats/summarize.js';

/** Calls per sample. */
export const RATE_LIMITER_CALLS = 100_000;

/**
 * µs per call of `rateLimiter`'s `acquire` and the permit's `settle` (with a
 * usage correction) on a budget far above what is asked, against the same
 * loop with no limiter at all: what a model call pays for a limit it is under.
 */
export const rateLimiterOverhead: BenchCase = {
  id: 'rate-limiter',
  async run(settings) {
    const limiter = rateLimiter({ requestsPerMinute: 1e12, tokensPerMinute: 1e15 });
    const cost: RateCost = { requests: 1, tokens: 250 };
    let sink = 0;
    const timings = await measureRounds(
      {
        limited: async () => {
          for (let i = 0; i < RATE_LIMITER_CALLS; i++) {
            const permit = await limiter.acquire(cost);
            sink += i;
            permit.settle({ tokens: 300 });
          }
        },
        none: async () => {
          for (let i = 0; i < RATE_LIMITER_CALLS; i++) sink += i;
          await Promise.resolve();
        },
      },
      settings,
    );
    if (sink < 0) throw new Error('rate-limiter: unreachable');
    const perCall = 1_000 / RATE_LIMITER_CALLS;
    return {
      id: this.id,
      unit: 'µs/call',
      rivulet: scaleTiming(timings.limited, perCall),
      peers: {},
      floor: scaleTiming(timings.none, perCall),
      params: { calls: RATE_LIMITER_CALLS },
      notes: `${RATE_LIMITER_CALLS.toLocaleString('en-US')} calls of acquire (awaited) and settle with a usage correction, on a budget of 10^12 requests and 10^15 tokens a minute; floor: the same loop with no limiter.`,
    };
  },
};
