import { Observable } from 'rxjs';
import { runStep } from '../run/run-step.js';
import type { Step } from '../run/step.js';
import { replayableInput } from './replay-input.js';
import type { RetryOptions } from './retry-policy.js';
import { retryWithBackoff } from './retry-with-backoff.js';

/**
 * Runs `step` again when it fails, with exponential backoff, as long as it has
 * not emitted a chunk yet. Every attempt reads a replay of the same input.
 */
export function retryStep<I, O, C>(step: Step<I, O, C>, options: RetryOptions = {}): Step<I, O, C> {
  return {
    name: step.name,
    aggregation: step.aggregation,
    doStream: (rawInput, ctx) =>
      new Observable<C>((subscriber) => {
        const { input, subscription } = replayableInput(rawInput);
        subscription.add(retryWithBackoff(() => runStep(step, input, ctx), options).subscribe(subscriber));
        return subscription;
      }),
  };
}
