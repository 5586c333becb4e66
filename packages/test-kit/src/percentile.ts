/**
 * The `p`-th percentile (0..100) of `values`, nearest rank; NaN for none.
 *
 * @example
 * ```ts
 * percentile([5, 1, 4, 2, 3], 50); // 3
 * ```
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
