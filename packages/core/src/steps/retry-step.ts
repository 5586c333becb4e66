import type { Step } from '../run/step.js';
import { runAttempts } from './attempts.js';
import { isRetryableError, retryDelay, type RetryOptions } from './retry-policy.js';

/**
 * Runs `step` again when it fails, with exponential backoff, as long as it has
 * not emitted a chunk yet (see `runAttempts` for why).
 */
export function retryStep<I, O>(step: Step<I, O>, options: RetryOptions = {}): Step<I, O> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const retryOn = options.retryOn ?? isRetryableError;
  return {
    name: step.name,
    aggregator: step.aggregator,
    doStream: (input, ctx) =>
      runAttempts(
        step,
        (error, attempt) => {
          if (attempt >= maxAttempts || !retryOn(error, attempt)) return { error };
          const delayMs = retryDelay(options, attempt, error);
          options.onRetry?.(error, attempt, delayMs);
          return { step, delayMs };
        },
        input,
        ctx,
      ),
  };
}
