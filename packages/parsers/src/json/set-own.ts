/**
 * Writes `key` as an own data property. A plain assignment of `__proto__` would
 * call the inherited setter and replace the prototype (prototype pollution), so
 * that one key is defined instead; every other key keeps the fast assignment.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
