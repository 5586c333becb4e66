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
  if (Array.isArray(previous) && Array.isArray(next)) return keepArray(previous, next) as T;
  if (isPlain(previous) && isPlain(next)) return keepObject(previous, next) as T;
  return next;
}

// Allocates only when something differs: the common final value equals the last snapshot almost everywhere.
function keepArray(previous: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  let merged: unknown[] | undefined = previous.length === next.length ? undefined : next.slice();
  for (let i = 0; i < next.length; i++) {
    const kept = keepIdentity(previous[i], next[i]);
    if (merged === undefined && kept !== previous[i]) merged = next.slice(0, i);
    if (merged !== undefined) merged[i] = kept;
  }
  return merged ?? previous;
}

// Allocates only when something differs, like `keepArray`; each member is compared once.
function keepObject(previous: Plain, next: Plain): Plain {
  const keys = Object.keys(next);
  let kept: unknown[] | undefined = keys.length === Object.keys(previous).length ? undefined : [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const had = Object.hasOwn(previous, key);
    const before = had ? previous[key] : undefined;
    const value = keepIdentity(before, next[key]);
    if (kept === undefined && (!had || value !== before)) kept = keys.slice(0, i).map((k) => previous[k]);
    if (kept !== undefined) kept[i] = value;
  }
  if (kept === undefined) return previous;
  const merged: Plain = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === '__proto__') Object.defineProperty(merged, key, { value: kept[i], enumerable: true, writable: true, configurable: true });
    else merged[key] = kept[i];
  }
  return merged;
}
