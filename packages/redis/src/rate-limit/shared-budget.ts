import type { Redis } from 'ioredis';
import { MIN_RATE_FACTOR, RATE_RECOVERY_MS, type RateBudgetShape, type RateCost, type RateSettlement } from '@rivulet/models';
import { redisCall } from '../connection/redis-error.js';
import { budgetScript } from './budget-script.js';

/** Leave to go after `waitMs`, taken under the budget's `epoch` (its count of 429s). */
export interface Reservation {
  readonly waitMs: number;
  readonly epoch: number;
}

/** What the waiting loop needs of a budget: take, check again, give back. */
export interface Budget {
  /** Takes `cost` as of the moment it may go, and says how long until then. */
  reserve(cost: RateCost): Promise<Reservation>;
  /** After the wait: granted (`waitMs` 0), or, when a 429 came meanwhile, reserved again. */
  confirm(cost: RateCost, reservation: Reservation): Promise<Reservation>;
  /** Gives back what a reservation took (its caller gave up). */
  refund(cost: RateCost): Promise<void>;
}

/** The budget under one Redis key, as {@link budgetScript} keeps it. */
export class SharedBudget implements Budget {
  constructor(
    private readonly client: Redis,
    private readonly key: string,
    private readonly shape: RateBudgetShape,
  ) {}

  reserve(cost: RateCost): Promise<Reservation> {
    return this.#run('reserve', cost, []);
  }

  confirm(cost: RateCost, reservation: Reservation): Promise<Reservation> {
    return this.#run('confirm', cost, [reservation.epoch]);
  }

  async refund(cost: RateCost): Promise<void> {
    await this.#run('refund', cost, []);
  }

  /** Corrects the tokens by the real usage, and shrinks the budget on a 429. */
  async settle(cost: RateCost, { tokens, rateLimited }: RateSettlement): Promise<void> {
    const correction = tokens === undefined ? '' : cost.tokens - tokens;
    await this.#run('settle', cost, [correction, rateLimited === undefined ? '0' : '1', rateLimited?.retryAfterMs ?? 0]);
  }

  async #run(op: string, cost: RateCost, extra: readonly (string | number)[]): Promise<Reservation> {
    const { requests, tokens } = this.shape;
    const args = [
      op,
      RATE_RECOVERY_MS,
      MIN_RATE_FACTOR,
      requests?.capacity ?? '',
      requests?.perMs ?? '',
      tokens?.capacity ?? '',
      tokens?.perMs ?? '',
      cost.requests,
      cost.tokens,
      ...extra,
    ];
    const reply = await redisCall(`RedisRateLimiter.${op}`, () => budgetScript.run(this.client, [this.key], args));
    const [wait, epoch] = reply as [string, number];
    return { waitMs: Number(wait), epoch: Number(epoch) };
  }
}
