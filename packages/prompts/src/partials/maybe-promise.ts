/** A value now, or later. Formatting stays synchronous until something async shows up. */
export type MaybePromise<T> = T | Promise<T>;

/** True for a promise or any other thenable. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** `f(value)`, synchronously when `value` is not a promise. */
export function thenMaybe<T, U>(value: MaybePromise<T>, f: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromiseLike(value) ? Promise.resolve(value as PromiseLike<T>).then(f) : f(value);
}

/**
 * `items.map(f)`, synchronously when no result is a promise. When `f` throws,
 * the other items still run, so that the outcome is consistent: if any of
 * them went async, the failure is a rejection (as the `Promise` type of such
 * a format says), else it is thrown. Either way no promise is left to reject
 * unhandled.
 */
export function mapMaybe<T, U>(items: readonly T[], f: (item: T) => MaybePromise<U> | PromiseLike<U>): MaybePromise<U[]> {
  const results: (U | PromiseLike<U>)[] = [];
  let failure: { readonly error: unknown } | undefined;
  for (const item of items) {
    try {
      results.push(f(item));
    } catch (error) {
      failure ??= { error };
    }
  }
  const pending = results.filter(isPromiseLike);
  if (failure === undefined) return pending.length > 0 ? Promise.all(results) : (results as U[]);
  for (const result of pending) Promise.resolve(result).catch(() => undefined);
  if (pending.length > 0) return Promise.reject(failure.error as Error);
  throw failure.error;
}
