import { Observable } from 'rxjs';
import { AbortError } from '../errors/abort-error.js';
import { runStep } from '../run/run-step.js';
import type { Step } from '../run/step.js';
import { attempts } from './attempts.js';
import { replayableInput } from './replay-input.js';

/**
 * Runs the first step; if it fails before emitting a chunk, the next one, and
 * so on. When all fail, the first failure is rethrown (usually the informative
 * one). Cancellation never falls back.
 */
export function fallbacksStep<I, O, C>(steps: readonly [Step<I, O, C>, ...Step<I, O, C>[]]): Step<I, O, C> {
  const [primary] = steps;
  return {
    name: primary.name,
    aggregation: primary.aggregation,
    doStream: (rawInput, ctx) =>
      new Observable<C>((subscriber) => {
        const { input, subscription } = replayableInput(rawInput);
        let firstError: unknown;
        const run = (step: Step<I, O, C>) => () => runStep(step, input, ctx);
        const outcome = attempts(run(primary), (error, attempt) => {
          if (attempt === 1) firstError = error;
          const next = steps[attempt];
          if (AbortError.isInstance(error)) return { error };
          return next === undefined ? { error: firstError } : { next: run(next), delayMs: 0 };
        });
        subscription.add(outcome.subscribe(subscriber));
        return subscription;
      }),
  };
}
