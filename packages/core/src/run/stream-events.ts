import { Observable } from 'rxjs';
import type { RunEvent } from './run-events.js';
import type { RunOptions } from './run-options.js';
import { rootRun } from './root-run.js';
import type { Step } from './step.js';
import type { StreamInput } from './stream-input.js';

/**
 * The events of one run of `step` (every nested step's start, chunks, end or
 * error, in causal order) instead of its output. A failed run emits its
 * `error` events, then fails with the error.
 */
export function streamEvents<I, O, C>(step: Step<I, O, C>, input: StreamInput<I>, options?: RunOptions): Observable<RunEvent> {
  return new Observable<RunEvent>((subscriber) =>
    rootRun(step, input, options, (event) => subscriber.next(event)).subscribe({
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    }),
  );
}
