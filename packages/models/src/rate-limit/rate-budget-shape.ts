import { checkRateLimiterOptions, type RateLimiterOptions } from './rate-limiter-options.js';

/** One bucket of a rate budget: how much it holds, and how fast it refills (per millisecond, at the full rate). */
export interface RateBucketShape {
  readonly capacity: number;
  readonly perMs: number;
}

/** The buckets of a rate budget; a budget the options do not set is `undefined`. */
export interface RateBudgetShape {
  readonly requests: RateBucketShape | undefined;
  readonly tokens: RateBucketShape | undefined;
}

/**
 * The buckets `options` describe, checked and sized as every rate limiter
 * sizes them (in memory, or shared in Redis): each holds `burst` seconds of
 * its rate (default one), the request bucket at least one request.
 * `InputError`, starting with `owner`, for a budget that is missing or a
 * number that is not positive and finite.
 *
 * @example
 * ```ts
 * rateBudgetShape({ requestsPerMinute: 600 }, 'MyLimiter');
 * // { requests: { capacity: 10, perMs: 0.01 }, tokens: undefined }
 * ```
 */
export function rateBudgetShape(options: RateLimiterOptions, owner: string): RateBudgetShape {
  checkRateLimiterOptions(options, owner);
  const seconds = options.burst ?? 1;
  const bucket = (perMinute: number | undefined, least: number): RateBucketShape | undefined =>
    perMinute === undefined ? undefined : { capacity: Math.max(least, (perMinute / 60) * seconds), perMs: perMinute / 60_000 };
  return { requests: bucket(options.requestsPerMinute, 1), tokens: bucket(options.tokensPerMinute, 0) };
}
