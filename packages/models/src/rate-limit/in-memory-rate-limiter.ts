import { AbortError } from '@rivulet/core';
import type { RateCost, RateLimiter, RatePermit, RateSettlement } from './rate-limiter.js';
import { rateBudgetShape, type RateBucketShape } from './rate-budget-shape.js';
import type { RateLimiterOptions } from './rate-limiter-options.js';
import { Throttle } from './throttle.js';
import { TokenBucket } from './token-bucket.js';

interface Waiter {
  readonly cost: RateCost;
  readonly resolve: (permit: RatePermit) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/**
 * A rate budget in this process: one token bucket for requests and one for
 * tokens, both refilling continuously; callers wait in order (first come,
 * first served, so a large call is not starved by small ones), on one timer
 * for the first of them. See `rateLimiter`.
 */
export class InMemoryRateLimiter implements RateLimiter {
  readonly #requests: TokenBucket | undefined;
  readonly #tokens: TokenBucket | undefined;
  readonly #throttle = new Throttle();
  readonly #waiting: Waiter[] = [];
  #refilledAt = Date.now();
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimiterOptions) {
    const { requests, tokens } = rateBudgetShape(options, 'rateLimiter');
    const bucket = (shape: RateBucketShape | undefined): TokenBucket | undefined => shape && new TokenBucket(shape.capacity, shape.perMs);
    this.#requests = bucket(requests);
    this.#tokens = bucket(tokens);
  }

  acquire(cost: RateCost, signal?: AbortSignal): Promise<RatePermit> {
    if (signal?.aborted) return Promise.reject(aborted(signal));
    const now = Date.now();
    this.#refill(now);
    if (this.#waiting.length === 0 && this.#allows(cost, now)) return Promise.resolve(this.#grant(cost));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        cost,
        resolve,
        signal,
        onAbort: () => {
          this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
          reject(aborted(signal as AbortSignal));
          this.#schedule();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#waiting.push(waiter);
      this.#schedule();
    });
  }

  #allows(cost: RateCost, now: number): boolean {
    return now >= this.#pausedUntil && (this.#requests?.allows(cost.requests) ?? true) && (this.#tokens?.allows(cost.tokens) ?? true);
  }

  #grant(cost: RateCost): RatePermit {
    this.#requests?.spend(cost.requests);
    this.#tokens?.spend(cost.tokens);
    return new Permit(cost, this.#onSettle);
  }

  // One function for every permit: a closure made per call costs more than the rest of a grant.
  readonly #onSettle = (cost: RateCost, settlement: RateSettlement): void => this.#settle(cost, settlement);

  #settle(cost: RateCost, { tokens, rateLimited }: RateSettlement): void {
    const now = Date.now();
    this.#refill(now);
    if (tokens !== undefined) this.#tokens?.refund(cost.tokens - tokens);
    if (rateLimited !== undefined) {
      this.#throttle.shrink(now);
      this.#requests?.drain();
      this.#tokens?.drain();
      this.#pausedUntil = Math.max(this.#pausedUntil, now + (rateLimited.retryAfterMs ?? 0));
    }
    // The common case, a call under budget with nobody waiting, stops here.
    if (this.#waiting.length > 0) this.#release(now);
  }

  /** Lets through every waiter the budget has room for at `now` (refilled to it), in order, then waits for the next. */
  #release(now: number): void {
    for (let next = this.#waiting[0]; next !== undefined && this.#allows(next.cost, now); next = this.#waiting[0]) {
      this.#waiting.shift();
      next.signal?.removeEventListener('abort', next.onAbort);
      next.resolve(this.#grant(next.cost));
    }
    this.#schedule();
  }

  /** One timer, for the first waiter; none when nobody waits. */
  #schedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const first = this.#waiting[0];
    if (first === undefined) return;
    const now = Date.now();
    this.#refill(now);
    const factor = this.#throttle.factor;
    let wait = Math.max(this.#pausedUntil - now, this.#requests?.msUntil(first.cost.requests, factor) ?? 0, this.#tokens?.msUntil(first.cost.tokens, factor) ?? 0);
    const recovery = this.#throttle.nextRecovery();
    if (recovery !== undefined) wait = Math.min(wait, recovery - now);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const at = Date.now();
      this.#refill(at);
      this.#release(at);
    }, Math.max(1, Math.ceil(wait)));
  }

  /** Brings the buckets to `now`, at the rate of each stretch of time (the throttle may have recovered on the way). */
  #refill(now: number): void {
    for (let at = this.#throttle.nextRecovery(); at !== undefined && at <= now; at = this.#throttle.nextRecovery()) {
      this.#refillTo(at);
      this.#throttle.recover(at);
    }
    this.#refillTo(now);
  }

  #refillTo(at: number): void {
    const elapsed = at - this.#refilledAt;
    if (elapsed <= 0) return;
    this.#requests?.refill(elapsed, this.#throttle.factor);
    this.#tokens?.refill(elapsed, this.#throttle.factor);
    this.#refilledAt = at;
  }
}

/** Leave for one call; only its first settlement counts. */
class Permit implements RatePermit {
  #settled = false;

  constructor(
    private readonly cost: RateCost,
    private readonly onSettle: (cost: RateCost, settlement: RateSettlement) => void,
  ) {}

  settle(settlement: RateSettlement = {}): void {
    if (this.#settled) return;
    this.#settled = true;
    this.onSettle(this.cost, settlement);
  }
}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError('The run was aborted while waiting for rate capacity.', { cause: signal.reason });
}
