import { lookup } from '../render/lookup.js';
import type { Scope } from '../render/values.js';
import { mapMaybe, thenMaybe, type MaybePromise } from './maybe-promise.js';

/** Partial values as stored: plain values, or functions to call at format time. */
export type Partials = Readonly<Record<string, unknown>>;

/**
 * `scope` with the partial values added outside it, so the caller's values
 * win. A partial function is called only when the scope lacks its value; the
 * result is synchronous unless one of them returns a promise.
 */
export function resolvePartials(partials: Partials, scope: Scope): MaybePromise<Scope> {
  const keys = Object.keys(partials).filter((key) => lookup(scope, [key]) === undefined);
  if (keys.length === 0) return scope;
  const values = mapMaybe(keys, (key) => {
    const partial = partials[key];
    return typeof partial === 'function' ? (partial as () => unknown)() : partial;
  });
  return thenMaybe(values, (resolved) => {
    // Null-prototype, so that a key such as `__proto__` stays plain data.
    const context: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    keys.forEach((key, i) => (context[key] = resolved[i]));
    return [context, ...scope];
  });
}
