/** The built-in prototypes a pollution would change. */
const prototypes: Readonly<Record<string, object>> = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};

/** Every own property of the built-in prototypes, with its descriptor's value or accessors, to compare later. */
export function prototypeFingerprint(): Map<string, unknown> {
  const fingerprint = new Map<string, unknown>();
  for (const [name, proto] of Object.entries(prototypes)) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      fingerprint.set(`${name}.${String(key)}`, descriptor?.get ?? descriptor?.set ?? descriptor?.value);
    }
  }
  return fingerprint;
}

/** The properties added, removed or replaced on a built-in prototype since `before`. */
export function prototypeChanges(before: ReadonlyMap<string, unknown>): string[] {
  const after = prototypeFingerprint();
  const changes: string[] = [];
  for (const [key, value] of after) if (!before.has(key) || before.get(key) !== value) changes.push(key);
  for (const key of before.keys()) if (!after.has(key)) changes.push(`-${key}`);
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined) changes.push(`({}).polluted = ${String(probe.polluted)}`);
  return changes;
}

/** Paths under `value` where an object's prototype is not the plain one (`Object.prototype` or `Array.prototype`). */
export function foreignPrototypes(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const proto: unknown = Object.getPrototypeOf(value);
  const found = proto === Object.prototype || proto === Array.prototype ? [] : [path || '/'];
  for (const key of Object.keys(value)) found.push(...foreignPrototypes((value as Record<string, unknown>)[key], `${path}/${key}`));
  return found;
}
