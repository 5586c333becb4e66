import { InMemoryRateLimiter } from './in-memory-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RateLimiterOptions } from './rate-limiter-options.js';

/**
 * A rate budget for model calls in this process (`model.withRateLimit(limiter)`;
 * share one limiter between the models that share a provider account). Calls
 * wait, cancellably, until the budget has room: requests one each, tokens
 * estimated from the request's text (`estimateTokens`) and corrected by the
 * reported usage when the call ends. `burst` (default one second's worth)
 * says how much may go at once after a quiet spell.
 *
 * A 429 from the provider shrinks the budget: the rate halves (each 429
 * again, down to 1/16), what was saved up for a burst is dropped, nothing
 * starts before its Retry-After, and the rate doubles back after each minute
 * without a 429. `InputError` for a budget that is missing or not a
 * positive number.
 *
 * @example
 * ```ts
 * const limiter = rateLimiter({ requestsPerMinute: 500, tokensPerMinute: 200_000 });
 * const limited = model.withRateLimit(limiter);
 * await limited.batch(questions); // spaced as the budget says
 * ```
 */
export function rateLimiter(options: RateLimiterOptions): RateLimiter {
  return new InMemoryRateLimiter(options);
}
