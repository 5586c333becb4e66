import { InputError } from '@rivulet/core';
import type { MissingVariables } from './values.js';

/** One error naming every missing variable, grouped by the template or placeholder that needed it. */
export function missingVariablesError(missing: MissingVariables): InputError {
  const byPlace = new Map<string, string[]>();
  for (const [name, where] of missing) {
    const names = byPlace.get(where);
    if (names === undefined) byPlace.set(where, [name]);
    else names.push(name);
  }
  const places = [...byPlace].map(([where, names]) => `${names.map((name) => JSON.stringify(name)).join(', ')} in ${where}`);
  const noun = missing.size === 1 ? 'variable' : 'variables';
  return new InputError(`Missing prompt ${noun}: ${places.join('; ')}`, { variables: [...missing.keys()] });
}
