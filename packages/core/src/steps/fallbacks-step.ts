import { AbortError } from '../errors/abort-error.js';
import type { Step } from '../run/step.js';
import { runAttempts } from './attempts.js';

/**
 * Runs the first step; if it fails before emitting a chunk, the next one, and
 * so on. When all fail, the first failure is rethrown (usually the informative
 * one). Cancellation never falls back.
 */
export function fallbacksStep<I, O>(steps: readonly [Step<I, O>, ...Step<I, O>[]]): Step<I, O> {
  const [primary] = steps;
  return {
    name: primary.name,
    aggregator: primary.aggregator,
    doStream: (input, ctx) => {
      let firstError: unknown;
      return runAttempts(
        primary,
        (error, attempt) => {
          if (attempt === 1) firstError = error;
          const next = steps[attempt];
          if (AbortError.isInstance(error)) return { error };
          return next === undefined ? { error: firstError } : { step: next, delayMs: 0 };
        },
        input,
        ctx,
      );
    },
  };
}
