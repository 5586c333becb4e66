/**
 * Sets `key` as a plain own data property, even for `__proto__`: plain
 * assignment of that key would replace the object's prototype instead.
 * (`@rivulet/parsers` has its own copy: it serves the browser client, which
 * must not load core, and core cannot import parsers.)
 */
export function setOwn<T extends object>(target: T, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}
