import { Observable, Subscription, timer } from 'rxjs';

/** What follows a failed attempt: the next attempt to make after a delay, or the error to end with. */
export type AfterFailure<T> = (
  error: unknown,
  attempt: number,
) => { readonly next: () => Observable<T>; readonly delayMs: number } | { readonly error: unknown };

/**
 * Subscribes to `first()`, and on failure to whatever `afterFailure` says.
 * Once a value went downstream, a failure is final: another attempt would emit
 * its values again, and a consumer cannot take back what it already showed.
 */
export function attempts<T>(first: () => Observable<T>, afterFailure: AfterFailure<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const subscription = new Subscription();
    let emitted = false;
    const attempt = (make: () => Observable<T>, number: number): void => {
      subscription.add(
        make().subscribe({
          next(value) {
            emitted = true;
            subscriber.next(value);
          },
          error(error: unknown) {
            const next = emitted ? { error } : afterFailure(error, number);
            if ('error' in next) {
              subscriber.error(next.error);
              return;
            }
            // rxjs `timer` so TestScheduler can drive backoff in virtual time.
            if (next.delayMs > 0) subscription.add(timer(next.delayMs).subscribe(() => attempt(next.next, number + 1)));
            else attempt(next.next, number + 1);
          },
          complete: () => subscriber.complete(),
        }),
      );
    };
    attempt(first, 1);
    return subscription;
  });
}
