/** A promise and the functions that settle it, for a test to decide when. */
export interface Deferred<T> {
  /** The promise the code under test awaits. */
  readonly promise: Promise<T>;
  /** Fulfils `promise` with `value`. */
  resolve(value: T): void;
  /** Rejects `promise` with `reason`. */
  reject(reason: unknown): void;
}

/**
 * A promise the test settles by hand: a step under test awaits `promise`,
 * the test calls `resolve` when it wants the step to go on.
 *
 * @example
 * ```ts
 * const started = deferred<void>();
 * const step = lambda(async () => (started.resolve(), 'ok'));
 * const run = step.invoke(null);
 * await started.promise;
 * ```
 */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((onValue, onError) => {
    resolve = onValue;
    reject = onError;
  });
  return { promise, resolve, reject };
}
