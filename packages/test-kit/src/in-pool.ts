/**
 * Runs `task(0)` … `task(count - 1)` with at most `limit` in flight, keeping
 * the results in order. `task` must not reject (wrap it in `settleWithin`).
 *
 * @example
 * ```ts
 * const outcomes = await inPool(1_000, 50, (id) => settleWithin(remote.invoke(inputFor(id)), 30_000));
 * ```
 */
export async function inPool<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
