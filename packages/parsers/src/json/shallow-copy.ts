import type { JsonValue } from './json-value.js';

/** A container a layer may write into. */
export type JsonContainer = JsonValue[] | Record<string, JsonValue>;

/**
 * A shallow copy of an array or plain object. Spread defines own data
 * properties, so a `__proto__` key is copied as data, never as a prototype.
 */
export function shallowCopy<T extends JsonContainer>(container: T): T {
  return (Array.isArray(container) ? container.slice() : { ...container }) as T;
}
