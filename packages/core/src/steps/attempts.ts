import { Observable, Subscription, timer } from 'rxjs';
import type { RunContext } from '../run/run-context.js';
import { runStep } from '../run/run-step.js';
import type { Step } from '../run/step.js';
import type { StreamInput } from '../run/stream-input.js';
import { replayableInput } from './replay-input.js';

/** What follows a failed attempt: another step to run after a delay, or the error to end with. */
export type AfterFailure<I, O> = (error: unknown, attempt: number) => { readonly step: Step<I, O>; readonly delayMs: number } | { readonly error: unknown };

/**
 * Runs `first`, and on failure whatever `afterFailure` says, on a replayable
 * copy of the input. Once a chunk went downstream, a failure is final: another
 * attempt would emit its chunks again, and a consumer cannot take back what it
 * already showed.
 */
export function runAttempts<I, O>(first: Step<I, O>, afterFailure: AfterFailure<I, O>, rawInput: StreamInput<I>, ctx: RunContext): Observable<O> {
  return new Observable<O>((subscriber) => {
    const { input, subscription: inputSubscription } = replayableInput(rawInput);
    const subscription = new Subscription();
    subscription.add(inputSubscription);
    let emitted = false;
    const attempt = (step: Step<I, O>, number: number): void => {
      subscription.add(
        runStep(step, input, ctx).subscribe({
          next(chunk) {
            emitted = true;
            subscriber.next(chunk);
          },
          error(error: unknown) {
            const next = emitted ? { error } : afterFailure(error, number);
            if ('error' in next) {
              subscriber.error(next.error);
              return;
            }
            // rxjs `timer` so TestScheduler can drive backoff in virtual time.
            if (next.delayMs > 0) subscription.add(timer(next.delayMs).subscribe(() => attempt(next.step, number + 1)));
            else attempt(next.step, number + 1);
          },
          complete: () => subscriber.complete(),
        }),
      );
    };
    attempt(first, 1);
    return subscription;
  });
}
