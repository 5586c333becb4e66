/**
 * Writes `key` as an own data property. A plain assignment of `__proto__` would
 * call the inherited setter and replace the prototype (prototype pollution), so
 * that one key is defined instead; every other key keeps the fast assignment.
 * Dependency-free, so `@rivulet/parsers/patch` shares it with the browser
 * client; core keeps its own copy, as it sits below this package.
 *
 * @example
 * ```ts
 * const fields: Record<string, unknown> = {};
 * setOwn(fields, '__proto__', { admin: true });
 * Object.keys(fields); // ['__proto__'], and Object.prototype untouched
 * ```
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
