import { snapshot, type Aggregator } from './aggregator.js';
import { setOwn } from './set-own.js';

/**
 * Aggregates keyed chunks (`{ key: chunk }`, as `parallel` and `assign` emit
 * them): each key combines with its own aggregator; keys without one are
 * replaced by the later value.
 */
export function keyedAggregator<T extends object>(aggregators: Readonly<Record<string, Aggregator<unknown>>>): Aggregator<T> {
  const fallback = snapshot<unknown>();
  return {
    kind: 'delta',
    combine(aggregate, chunk) {
      const result: Record<string, unknown> = { ...(aggregate as Record<string, unknown>) };
      for (const [key, value] of Object.entries(chunk)) {
        const aggregator = aggregators[key] ?? fallback;
        setOwn(result, key, Object.hasOwn(result, key) ? aggregator.combine(result[key], value) : value);
      }
      return result as T;
    },
  };
}
