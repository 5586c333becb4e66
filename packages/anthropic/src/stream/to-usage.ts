import type { UsageV1 } from '@rivulet/provider';
import type { WireUsage } from './anthropic-stream-event.js';

/**
 * Folds a usage report into the totals so far. Anthropic sends input tokens
 * in `message_start` and cumulative counts in `message_delta`, so a field a
 * later report carries replaces the earlier value; a missing or null one
 * keeps it.
 */
export function accumulateUsage(totals: WireUsage, report: WireUsage): WireUsage {
  const merged: { -readonly [K in keyof WireUsage]: WireUsage[K] } = { ...totals };
  for (const key of ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'] as const) {
    const value = report[key];
    if (typeof value === 'number') merged[key] = value;
  }
  return merged;
}

/**
 * Wire usage in Rivulet's terms. Anthropic counts cached input apart from
 * `input_tokens`; Rivulet's `inputTokens` includes it, with the part read
 * from the cache also in `cachedInputTokens`.
 */
export function toUsage(wire: WireUsage): UsageV1 {
  const cacheRead = wire.cache_read_input_tokens ?? 0;
  const inputTokens = (wire.input_tokens ?? 0) + (wire.cache_creation_input_tokens ?? 0) + cacheRead;
  const outputTokens = wire.output_tokens ?? 0;
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    ...(typeof wire.cache_read_input_tokens === 'number' && { cachedInputTokens: cacheRead }),
  };
}
