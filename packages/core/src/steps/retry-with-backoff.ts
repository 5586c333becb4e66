import { defer, type Observable } from 'rxjs';
import { attempts } from './attempts.js';
import { isRetryableError, retryDelay, type RetryOptions } from './retry-policy.js';

/**
 * Subscribes to `attempt()` again after a failure, with exponential backoff,
 * as long as nothing was emitted yet: the retry rule of `withRetry`, for
 * observables that are not steps (a provider's HTTP stream, say).
 *
 * @example
 * ```ts
 * const parts = retryWithBackoff(() => callProvider(request), { maxAttempts: 3 });
 * ```
 */
export function retryWithBackoff<T>(attempt: () => Observable<T>, options: RetryOptions = {}): Observable<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  // Nothing to retry: no layer between the attempt's values and the subscriber.
  if (maxAttempts === 1) return defer(attempt);
  const retryOn = options.retryOn ?? isRetryableError;
  return attempts(attempt, (error, number) => {
    if (number >= maxAttempts || !retryOn(error, number)) return { error };
    const delayMs = retryDelay(options, number, error);
    options.onRetry?.(error, number, delayMs);
    return { next: attempt, delayMs };
  });
}
