/** The waits a retrying step announced, in order, through its `onRetry` option. */
export interface RetryRecorder {
  /** Every wait announced so far, in ms. */
  readonly waits: readonly number[];
  /** Pass as the step's `retry.onRetry`. */
  readonly onRetry: (error: unknown, attempt: number, delayMs: number) => void;
  /** Resolves with the next wait, announced already or not yet. */
  next(): Promise<number>;
}

/**
 * Records the waits a step with retries announces before each retry, so a
 * test knows when a wait began and how long it is, and can move a fake clock
 * by exactly that much.
 *
 * @example
 * ```ts
 * const retries = retryRecorder();
 * const model = new OpenAIChatModel({ ...options, retry: { onRetry: retries.onRetry } });
 * const answer = model.invoke('x');
 * expect(await retries.next()).toBe(80); // the server's retry-after-ms
 * await vi.advanceTimersByTimeAsync(80);
 * ```
 */
export function retryRecorder(): RetryRecorder {
  const waits: number[] = [];
  const waiting: ((ms: number) => void)[] = [];
  let read = 0;
  return {
    waits,
    onRetry: (_error, _attempt, delayMs) => {
      waits.push(delayMs);
      waiting.shift()?.(waits[read++] as number);
    },
    next: () => (read < waits.length ? Promise.resolve(waits[read++] as number) : new Promise((resolve) => waiting.push(resolve))),
  };
}
