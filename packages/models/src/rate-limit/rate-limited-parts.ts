import { Observable, type Subscription } from 'rxjs';
import { ProviderError } from '@rivulet/core';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import type { RateCost, RateLimiter, RatePermit, RateSettlement } from './rate-limiter.js';

/**
 * `call()` once `limiter` grants a permit for `cost`; the permit settles with
 * the reply's reported usage when it ends, and as rate-limited on a 429.
 * Unsubscribing while waiting aborts the wait, which takes nothing from the
 * budget; a permit granted just as the run went away settles as unused.
 */
export function rateLimitedParts(limiter: RateLimiter, cost: RateCost, call: () => Observable<ChatStreamPartV1>): Observable<ChatStreamPartV1> {
  return new Observable<ChatStreamPartV1>((subscriber) => {
    const waiting = new AbortController();
    let permit: RatePermit | undefined;
    let reply: Subscription | undefined;
    let usedTokens: number | undefined;
    let settled = false;
    const settle = (settlement: RateSettlement): void => {
      if (permit === undefined || settled) return;
      settled = true;
      permit.settle(settlement);
    };

    limiter.acquire(cost, waiting.signal).then(
      (granted) => {
        permit = granted;
        if (subscriber.closed) return settle({ tokens: 0 });
        reply = call().subscribe({
          next(part) {
            if (part.type === 'usage') usedTokens = part.usage.totalTokens;
            subscriber.next(part);
          },
          error(error: unknown) {
            settle(isRateLimit(error) ? { tokens: 0, rateLimited: { retryAfterMs: error.retryAfterMs } } : { tokens: usedTokens });
            subscriber.error(error);
          },
          complete() {
            settle({ tokens: usedTokens });
            subscriber.complete();
          },
        });
      },
      (error: unknown) => {
        if (!subscriber.closed) subscriber.error(error);
      },
    );
    return () => {
      waiting.abort();
      reply?.unsubscribe();
      settle({ tokens: usedTokens });
    };
  });
}

function isRateLimit(error: unknown): error is ProviderError {
  return ProviderError.isInstance(error) && error.status === 429;
}
