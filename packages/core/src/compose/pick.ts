import { map } from 'rxjs';
import type { AggregationRule } from '../aggregation/aggregation.js';
import { setOwn } from '../run/set-own.js';
import { Runnable } from '../runnable/runnable.js';

/**
 * Keeps only some keys of the input object. Streams: it works on whole
 * objects and on keyed chunks (from `parallel`) alike, filtering each as it
 * arrives.
 *
 * @example
 * ```ts
 * const chain = parallel({ a: stepA, b: stepB }).pipe(pick('a'));
 * ```
 */
export function pick<T extends object, K extends keyof T & string>(...keys: K[]): Runnable<T, Pick<T, K>, Partial<Pick<T, K>>> {
  return Runnable.from<T, Pick<T, K>, Partial<Pick<T, K>>>({
    name: 'pick',
    aggregation: (input) => pickedRule(input, keys),
    doStream: (input) =>
      input.chunks.pipe(
        map((chunk) => {
          const picked: Partial<Pick<T, K>> = {};
          for (const key of keys) if (Object.hasOwn(chunk, key)) setOwn(picked, key, chunk[key]);
          return picked;
        }),
      ),
  });
}

function pickedRule(input: AggregationRule, keys: readonly string[]): AggregationRule {
  if (input.kind !== 'keyed') return input;
  const picked: Record<string, AggregationRule> = {};
  for (const key of keys) if (Object.hasOwn(input.keys, key)) setOwn(picked, key, input.keys[key]);
  return { kind: 'keyed', keys: picked };
}
