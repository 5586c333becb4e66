interface Concatenable {
  concat(other: unknown): unknown;
}

/** True for values with a `concat` method that delta chunks combine with (message chunks). */
export function isConcatenable(value: unknown): value is Concatenable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Concatenable>).concat === 'function';
}

/**
 * Two delta chunks as one: strings join, arrays and objects with a `concat`
 * method (message chunks) concatenate, anything else is replaced by the later
 * chunk.
 */
export function concatChunks(first: unknown, second: unknown): unknown {
  if (typeof first === 'string' && typeof second === 'string') return first + second;
  if (isConcatenable(first)) return first.concat(second);
  return second;
}
