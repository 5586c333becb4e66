import { asyncScheduler, Observable, type MonoTypeOperatorFunction, type Subscription } from 'rxjs';
import { TimeoutError } from '@rivulet/core';

/**
 * The default `idleTimeout`, in ms: the longest a provider may stay silent,
 * from the request to its first part and between parts, before the call fails
 * with `TimeoutError` (kind `idle`). Generous, for reasoning models that think
 * silently; bounded, so a provider that never answers cannot hang a run.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

/**
 * Fails with `TimeoutError` (kind `idle`) when the source stays silent for
 * longer than `ms`, from subscription and between values. The source is torn
 * down, which aborts a provider's request and closes its socket. `0` or
 * `Infinity` turns the limit off.
 *
 * Not rxjs `timeout({ each })`, which re-arms a timer for every value: at one
 * part per few characters that was 14 % of a streamed reply's CPU. Here a
 * value only notes the time; the one timer, when it fires, re-arms itself for
 * the rest of the silence allowed. `asyncScheduler` keeps it on virtual time
 * under `TestScheduler.run`.
 */
export function idleTimeout<T>(ms: number = DEFAULT_IDLE_TIMEOUT_MS): MonoTypeOperatorFunction<T> {
  if (ms <= 0 || !Number.isFinite(ms)) return (source) => source;
  return (source) =>
    new Observable<T>((subscriber) => {
      let last = asyncScheduler.now();
      let timer: Subscription;
      const check = (): void => {
        const silent = asyncScheduler.now() - last;
        if (silent >= ms) subscriber.error(new TimeoutError({ timeoutMs: ms, kind: 'idle' }));
        else timer = asyncScheduler.schedule(check, ms - silent);
      };
      timer = asyncScheduler.schedule(check, ms);
      const subscription = source.subscribe({
        next(value) {
          last = asyncScheduler.now();
          subscriber.next(value);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        timer.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
