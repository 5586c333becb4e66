/**
 * Reads a property of a value in a template context. Own properties count, and
 * so do inherited ones that are data (a message's `text` getter), but nothing
 * every object inherits (`constructor`, `__proto__`, `toString`) and no
 * inherited method: a template reads data, it never reaches into prototypes.
 */
export function readProperty(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  if (Object.hasOwn(value, key)) return (value as Record<string, unknown>)[key];
  if (!(key in value) || key in Object.prototype) return undefined;
  const inherited = (value as Record<string, unknown>)[key];
  return typeof inherited === 'function' ? undefined : inherited;
}

/**
 * Resolves a path against a stack of contexts, innermost last. The first name
 * is looked up from the innermost context outwards (mustache's rule, so a
 * section can read outer variables); the rest walk down from there. An empty
 * path is the innermost context itself (`{{.}}`).
 */
export function lookup(stack: readonly unknown[], path: readonly string[]): unknown {
  const head = path[0];
  if (head === undefined) return stack.at(-1);
  let value: unknown;
  for (let i = stack.length - 1; i >= 0 && value === undefined; i--) value = readProperty(stack[i], head);
  for (let i = 1; i < path.length; i++) value = readProperty(value, path[i] as string);
  return value;
}
