import { InputError } from '@rivulet/core';
import type { RateLimiterOptions } from '@rivulet/models';
import type { BudgetShape, BucketShape } from './shared-budget.js';

/**
 * The buckets `options` describe, sized as `rateLimiter` sizes them: each
 * holds `burst` seconds of its rate (default one), the request bucket at
 * least one request. `InputError` for a budget that is missing, or a number
 * that is not positive and finite.
 */
export function budgetShape(options: RateLimiterOptions): BudgetShape {
  const { requestsPerMinute, tokensPerMinute, burst } = options ?? {};
  if (requestsPerMinute === undefined && tokensPerMinute === undefined) {
    throw new InputError('RedisRateLimiter: give requestsPerMinute, tokensPerMinute or both.');
  }
  for (const [name, value] of Object.entries({ requestsPerMinute, tokensPerMinute, burst })) {
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new InputError(`RedisRateLimiter: ${name} must be a positive, finite number, got ${String(value)}.`);
    }
  }
  const seconds = burst ?? 1;
  const bucket = (perMinute: number | undefined, least: number): BucketShape | undefined =>
    perMinute === undefined ? undefined : { capacity: Math.max(least, (perMinute / 60) * seconds), perMs: perMinute / 60_000 };
  return { requests: bucket(requestsPerMinute, 1), tokens: bucket(tokensPerMinute, 0) };
}
