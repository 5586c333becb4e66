import { setOwn } from '../run/set-own.js';
import type { AggregationRule } from './aggregation.js';
import { concatChunks } from './concat-chunks.js';
import { customFold } from './custom-aggregations.js';

/** What {@link mergeChunks} returns for two chunks that must stay apart. */
export const apart: unique symbol = Symbol('apart');

/**
 * Two chunks waiting for a slow consumer as one chunk that stands for both
 * under `rule`, or {@link apart} when they cannot be one (items, a custom fold
 * without `merge`): snapshots keep the later, deltas concatenate, keyed chunks
 * merge key by key.
 */
export function mergeChunks(rule: AggregationRule, first: unknown, second: unknown): unknown {
  switch (rule.kind) {
    case 'snapshot':
      return second;
    case 'delta':
      return concatChunks(first, second);
    case 'items':
      return apart;
    case 'custom': {
      const merge = customFold(rule.name).merge;
      return merge === undefined ? apart : merge(first, second);
    }
    case 'keyed':
      return mergeKeyed(rule.keys, first as Record<string, unknown>, second as Record<string, unknown>);
  }
}

function mergeKeyed(keys: Readonly<Record<string, AggregationRule>>, first: Record<string, unknown>, second: Record<string, unknown>): unknown {
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) {
    if (!Object.hasOwn(merged, key)) {
      setOwn(merged, key, value);
      continue;
    }
    const both = mergeChunks(Object.hasOwn(keys, key) ? (keys[key] as AggregationRule) : { kind: 'snapshot' }, merged[key], value);
    if (both === apart) return apart;
    setOwn(merged, key, both);
  }
  return merged;
}
