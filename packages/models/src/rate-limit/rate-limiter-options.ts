import { InputError } from '@rivulet/core';

/** Options of `rateLimiter`: the budget, as the provider states it, and how much of it may go at once. */
export interface RateLimiterOptions {
  /** Requests a minute. */
  readonly requestsPerMinute?: number | undefined;
  /** Tokens a minute, input and output together (estimated before a call, corrected by its usage). */
  readonly tokensPerMinute?: number | undefined;
  /**
   * How much of the budget may be spent at once after a quiet spell, in
   * seconds' worth of it: each budget holds `burst` seconds of its rate (at
   * least one request). Default 1: one second's worth, so at 600 requests a
   * minute, 10 start at once and then one every 100 ms.
   */
  readonly burst?: number | undefined;
}

/**
 * The options checked: `InputError` for a budget that is missing, not a
 * positive number, or not finite, its message starting with `owner` (the
 * limiter the user called).
 */
export function checkRateLimiterOptions(options: RateLimiterOptions, owner: string): void {
  const { requestsPerMinute, tokensPerMinute, burst } = options ?? {};
  if (requestsPerMinute === undefined && tokensPerMinute === undefined) {
    throw new InputError(`${owner}: give requestsPerMinute, tokensPerMinute or both.`);
  }
  for (const [name, value] of Object.entries({ requestsPerMinute, tokensPerMinute, burst })) {
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new InputError(`${owner}: ${name} must be a positive, finite number, got ${String(value)}.`);
    }
  }
}
