import { Observable, timer } from 'rxjs';
import { TimeoutError } from '../errors/timeout-error.js';
import { onAbort } from './abort-listeners.js';
import { toAbortError } from './to-abort-error.js';

/** The limits `RunOptions` put on a run. */
export interface RunLimits {
  readonly signal?: AbortSignal | undefined;
  readonly timeout?: number | undefined;
}

/**
 * Ends `source` with `AbortError` when `signal` aborts and with `TimeoutError`
 * when `timeout` ms pass, tearing the source down in both cases. The abort
 * listener and the timer live exactly as long as the subscription.
 */
export function withRunLimits<T>(source: Observable<T>, { signal, timeout }: RunLimits): Observable<T> {
  if (signal === undefined && timeout === undefined) return source;
  return new Observable<T>((subscriber) => {
    if (signal?.aborted) {
      subscriber.error(toAbortError(signal));
      return;
    }
    // One listener on the caller's signal however many runs share it.
    const stopListening = signal === undefined ? undefined : onAbort(signal, () => subscriber.error(toAbortError(signal)));
    // rxjs `timer` (not setTimeout) so TestScheduler can drive timeouts in virtual time.
    const deadline =
      timeout === undefined
        ? undefined
        : timer(timeout).subscribe(() => subscriber.error(new TimeoutError({ timeoutMs: timeout, kind: 'run' })));
    const inner = source.subscribe(subscriber);
    return () => {
      stopListening?.();
      deadline?.unsubscribe();
      inner.unsubscribe();
    };
  });
}
