import { rateBudgetShape, type RateCost, type RateLimiter, type RateLimiterOptions, type RatePermit, type RateSettlement } from '@rivulet/models';
import type { RedisConnection } from '../connection/redis-connection.js';
import { RedisKeyspace } from '../connection/redis-keyspace.js';
import { SharedBudget } from './shared-budget.js';
import { waitForPermit } from './wait-for-permit.js';

/** Options of a {@link RedisRateLimiter}: the budget (as `rateLimiter` takes it) and which shared budget it is. */
export interface RedisRateLimiterOptions extends RateLimiterOptions {
  /**
   * The name of the budget: limiters with the same `key` on the same server
   * share one, whatever process they are in (one per provider account).
   * Default `'default'`.
   */
  readonly key?: string | undefined;
  /** Prepended to the key in Redis. Default `'rivulet:rate:'`. */
  readonly prefix?: string | undefined;
}

/**
 * A rate budget shared by every process that uses the same Redis server and
 * `key`: `model.withRateLimit(new RedisRateLimiter({ url }, { requestsPerMinute: 500 }))`
 * in each of them, and together they stay within 500 requests a minute. It
 * behaves as `rateLimiter` in `@rivulet/models` does (token buckets,
 * `burst`, estimated tokens corrected by the reported usage, a 429 halving
 * the rate for a while and pausing until its Retry-After), with the budget
 * kept in Redis and updated atomically by a Lua script, on the server's clock.
 *
 * A call asks Redis once when the budget has room. When it has not, the call
 * is given a place in line (callers of all processes are served in the order
 * Redis saw them) and waits on one timer, cancellably: an aborted wait gives
 * its place back and leaves nothing behind. Each process should pass the
 * same numbers; the last call's numbers are the ones applied. If Redis
 * fails, the call fails with `RedisError`.
 *
 * @example
 * ```ts
 * const limiter = new RedisRateLimiter({ url: process.env.REDIS_URL! }, { requestsPerMinute: 500, tokensPerMinute: 200_000, key: 'openai' });
 * const model = new OpenAIChatModel({ model: 'gpt-4o-mini' }).withRateLimit(limiter);
 * ```
 */
export class RedisRateLimiter implements RateLimiter {
  readonly #keys: RedisKeyspace;
  readonly #budget: SharedBudget;

  constructor(connection: RedisConnection, options: RedisRateLimiterOptions) {
    const shape = rateBudgetShape(options, 'RedisRateLimiter');
    this.#keys = new RedisKeyspace('RedisRateLimiter', connection, { prefix: options.prefix }, 'rivulet:rate:');
    this.#budget = new SharedBudget(this.#keys.client, this.#keys.key(options.key ?? 'default'), shape);
  }

  async acquire(cost: RateCost, signal?: AbortSignal): Promise<RatePermit> {
    await waitForPermit(this.#budget, cost, signal);
    return new SharedPermit(this.#budget, cost);
  }

  /** Closes the connection this limiter opened for a `url`; a client passed in stays open. */
  close(): Promise<void> {
    return this.#keys.close();
  }
}

/** Leave for one call; its first settlement is sent to Redis. */
class SharedPermit implements RatePermit {
  #settled = false;

  constructor(
    private readonly budget: SharedBudget,
    private readonly cost: RateCost,
  ) {}

  settle(settlement: RateSettlement = {}): void {
    if (this.#settled) return;
    this.#settled = true;
    if (settlement.tokens === undefined && settlement.rateLimited === undefined) return;
    // A settlement Redis did not take leaves the estimate standing, as for a call that reported no usage.
    this.budget.settle(this.cost, settlement).catch(() => undefined);
  }
}
