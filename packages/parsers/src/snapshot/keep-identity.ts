type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `next` with every subtree that equals the one at the same place in
 * `previous` replaced by `previous`'s, so a UI comparing by reference sees
 * only real changes. Schema validation builds a fresh tree for the final
 * value; this gives back the identities of the last snapshot. Linear in the
 * size of `next`; only plain objects, arrays and primitives are compared.
 */
export function keepIdentity<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const merged = next.map((element: unknown, i) => {
      const kept = keepIdentity(previous[i], element);
      if (kept !== previous[i]) same = false;
      return kept;
    });
    return (same ? previous : merged) as T;
  }
  if (isPlain(previous) && isPlain(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const merged: Plain = {};
    for (const key of keys) {
      const before = Object.hasOwn(previous, key) ? previous[key] : undefined;
      const kept = keepIdentity(before, next[key]);
      if (kept !== before || !Object.hasOwn(previous, key)) same = false;
      Object.defineProperty(merged, key, { value: kept, enumerable: true, writable: true, configurable: true });
    }
    return (same ? previous : merged) as T;
  }
  return (typeof next !== 'object' && Object.is(previous, next) ? previous : next) as T;
}
