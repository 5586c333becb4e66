import type { AggregationRule } from '@rivulet/core';

/**
 * Where snapshot values live in a stream's chunks under `rule`, as how many
 * leading segments of a patch path name the slot: `0` when the whole chunk is
 * a snapshot, `1` for `/parsed` of a keyed `{ raw, parsed }` stream, and so on
 * down nested keyed rules. `undefined` when the path reaches no snapshot.
 * Patches on the wire carry full paths; this is how both ends agree on which
 * snapshot a `patch` event updates.
 */
export function slotDepth(rule: AggregationRule, segments: readonly string[]): number | undefined {
  let current = rule;
  for (let depth = 0; ; depth++) {
    if (current.kind === 'snapshot') return depth;
    if (current.kind !== 'keyed') return undefined;
    const key = segments[depth];
    if (key === undefined || !Object.hasOwn(current.keys, key)) return undefined;
    current = current.keys[key] as AggregationRule;
  }
}
