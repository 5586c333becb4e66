// Dependency-free on purpose: part of the patch code the browser client loads alone.

/**
 * Deep equality of JSON values as RFC 6902's `test` defines it: objects are
 * equal whatever their key order, arrays element by element in order, numbers
 * by value, and an array never equals an object. Own keys only, so a `__proto__`
 * key is compared as data and the prototype is never consulted.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (!Object.hasOwn(y, key) || !jsonEqual(x[key], y[key])) return false;
  return true;
}
