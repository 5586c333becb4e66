import { map } from 'rxjs';
import { setOwn } from '../run/set-own.js';
import type { Step } from '../run/step.js';

/**
 * Keeps only `keys` of each input chunk. Works on whole objects and on keyed
 * chunks (from `parallel`) alike, so it streams.
 */
export function pickStep(keys: readonly string[]): Step<Record<string, unknown>, Record<string, unknown>> {
  return {
    name: 'pick',
    aggregator: 'input',
    doStream: (input) =>
      input.chunks.pipe(
        map((chunk) => {
          const picked: Record<string, unknown> = {};
          for (const key of keys) if (Object.hasOwn(chunk, key)) setOwn(picked, key, chunk[key]);
          return picked;
        }),
      ),
  };
}
