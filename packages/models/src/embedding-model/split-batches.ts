/**
 * `values` cut into consecutive batches of at most `max` (the provider's
 * `maxEmbeddingsPerCall`; `undefined` or `Infinity` for one batch). A limit
 * below 1 counts as 1, so a misconfigured provider cannot loop forever.
 */
export function splitBatches<T>(values: readonly T[], max: number | undefined): T[][] {
  if (values.length === 0) return [];
  const size = max === undefined || !(max < values.length) ? values.length : Math.max(1, Math.floor(max));
  const batches: T[][] = [];
  for (let start = 0; start < values.length; start += size) batches.push(values.slice(start, start + size));
  return batches;
}
