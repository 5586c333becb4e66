import { snapshot, type AggregatorSpec } from '@rivulet/core';

/**
 * Whether a served runnable emits deltas or snapshots. It runs on a whole
 * input, which aggregates as a snapshot, so `'input'` resolves to that.
 */
export function aggregatorKind<T>(spec: AggregatorSpec<T>): 'delta' | 'snapshot' {
  if (spec === 'input') return 'snapshot';
  return typeof spec === 'function' ? spec(snapshot()).kind : spec.kind;
}
