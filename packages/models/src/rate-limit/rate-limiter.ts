/** What one model call asks of a rate budget. */
export interface RateCost {
  /** Requests: 1 for a model call. */
  readonly requests: number;
  /** Tokens the call is estimated to use (see `estimateTokens`); corrected when its permit settles. */
  readonly tokens: number;
}

/** How a call that held a permit went. */
export interface RateSettlement {
  /**
   * Tokens the call really used (its reported usage), replacing the estimate:
   * the difference is given back, or owed. Absent when unknown (a cancelled
   * call, a provider that reports no usage): the estimate stands.
   */
  readonly tokens?: number | undefined;
  /**
   * The provider refused the call with a 429: capacity shrinks for a while,
   * and nothing starts before `retryAfterMs` (the provider's Retry-After) passed.
   */
  readonly rateLimited?: { readonly retryAfterMs?: number | undefined } | undefined;
}

/** Leave to make one call, granted by {@link RateLimiter.acquire}. */
export interface RatePermit {
  /** Reports how the call went; returns at once. Only the first call counts. */
  settle(settlement?: RateSettlement): void;
}

/**
 * A rate budget that model calls wait for (`model.withRateLimit(limiter)`):
 * `rateLimiter(...)` in this process, a Redis-backed one shared between
 * processes. Every call acquires a permit for its cost before its request
 * and settles it after, with its real usage or a 429.
 *
 * @example
 * ```ts
 * const permit = await limiter.acquire({ requests: 1, tokens: 1_200 }, signal);
 * try {
 *   const reply = await callTheApi();
 *   permit.settle({ tokens: reply.usage.totalTokens });
 * } catch (error) {
 *   permit.settle(isRateLimit(error) ? { rateLimited: { retryAfterMs: 2_000 } } : {});
 *   throw error;
 * }
 * ```
 */
export interface RateLimiter {
  /**
   * Resolves with a permit once the budget has room for `cost` (callers are
   * served in the order they asked). Aborting `signal` while waiting rejects
   * with `AbortError` and takes nothing from the budget.
   */
  acquire(cost: RateCost, signal?: AbortSignal): Promise<RatePermit>;
}
