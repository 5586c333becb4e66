/**
 * Token counts of one model response. Values are running totals for the response so far,
 * never deltas: a provider that reports deltas adds them up before emitting.
 */
export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
  /** Output tokens spent on reasoning, when the provider reports them (included in `outputTokens`). */
  readonly reasoningTokens?: number | undefined;
  /** Input tokens served from the provider's prompt cache (included in `inputTokens`). */
  readonly cachedInputTokens?: number | undefined;
}

/**
 * Combines the usage of an earlier and a later chunk: per field, the later defined value wins.
 *
 * Summing would double-count providers that send cumulative totals (Anthropic repeats the
 * output count as it grows); since `Usage` holds totals, the latest report is the truth, and a
 * field the later report leaves out (say, cached tokens) keeps its earlier value.
 */
export function mergeUsage(earlier: Usage | undefined, later: Usage | undefined): Usage | undefined {
  if (earlier === undefined) return later;
  if (later === undefined) return earlier;
  const merged: { -readonly [K in keyof Usage]: Usage[K] } = { ...earlier };
  for (const key of Object.keys(later) as (keyof Usage)[]) {
    const value = later[key];
    if (value !== undefined) merged[key] = value;
  }
  return Object.freeze(merged);
}
