/**
 * `JSON.stringify` with the keys of every object sorted, so two equal values
 * give the same text whatever order their keys were written in. Otherwise as
 * JSON: `undefined` properties are left out, `toJSON` is used.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (isPlainObject(inner) ? sortedKeys(inner) : inner));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedKeys(object: Record<string, unknown>): Record<string, unknown> {
  // No prototype, so a `__proto__` key is a key like any other, not a prototype to set.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(object).sort()) sorted[key] = object[key];
  return sorted;
}
