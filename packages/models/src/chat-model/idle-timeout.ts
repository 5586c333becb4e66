import { Observable, timer, type MonoTypeOperatorFunction, type Subscription } from 'rxjs';
import { TimeoutError } from '@rivulet/core';

/**
 * Fails with `TimeoutError` (kind `idle`) when the source stays silent for
 * longer than `ms`, from subscription and between values. The source is torn
 * down, which aborts a provider's request and closes its socket.
 */
export function idleTimeout<T>(ms: number | undefined): MonoTypeOperatorFunction<T> {
  if (ms === undefined || ms <= 0 || !Number.isFinite(ms)) return (source) => source;
  return (source) =>
    new Observable<T>((subscriber) => {
      let deadline: Subscription | undefined;
      // rxjs `timer` so TestScheduler can drive stalls in virtual time.
      const arm = (): void => {
        deadline?.unsubscribe();
        deadline = timer(ms).subscribe(() => subscriber.error(new TimeoutError({ timeoutMs: ms, kind: 'idle' })));
      };
      arm();
      const subscription = source.subscribe({
        next(value) {
          arm();
          subscriber.next(value);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        deadline?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
