// Dependency-free on purpose: the server and the browser client apply patches with this file alone.

/** A JSON Patch operation as {@link applyPatch} accepts it (RFC 6902 plus `append`). */
export type PatchOperation =
  | { readonly op: 'add' | 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'append'; readonly path: string; readonly value: string };

type Container = Record<string, unknown> | unknown[];

function segments(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer[0] !== '/') throw new Error(`Invalid JSON Pointer ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s));
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function index(array: unknown[], segment: string, allowEnd: boolean, pointer: string): number {
  const i = segment === '-' && allowEnd ? array.length : /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
  if (i < 0 || i > array.length || (i === array.length && !allowEnd)) throw new Error(`No array element at ${pointer}`);
  return i;
}

/**
 * Applies JSON Patch operations (RFC 6902 `add`, `replace`, `remove`, plus
 * `append`: append `value` to the string at `path`) to `doc` and returns the new
 * document. `doc` is never mutated: containers along changed paths are copied,
 * each at most once per call however many operations touch it, and everything
 * else is shared, so an unchanged subtree keeps its identity. Throws an `Error`
 * on an operation that does not fit the document.
 *
 * @example
 * ```ts
 * let doc: unknown;
 * doc = applyPatch(doc, [{ op: 'add', path: '', value: { text: 'Hel' } }]);
 * doc = applyPatch(doc, [{ op: 'append', path: '/text', value: 'lo' }]); // { text: 'Hello' }
 * ```
 */
export function applyPatch<T = unknown>(doc: unknown, ops: readonly PatchOperation[]): T {
  const fresh = new WeakSet<object>(); // containers copied by this call, safe to mutate
  const own = (value: Container): Container => {
    if (fresh.has(value)) return value;
    const copy = Array.isArray(value) ? value.slice() : { ...value };
    fresh.add(copy);
    return copy;
  };
  let root = doc;
  for (const op of ops) {
    const path = segments(op.path);
    const last = path.pop();
    if (last === undefined) {
      if (op.op === 'remove') root = undefined;
      else if (op.op === 'append') root = appended(root, op.value, op.path);
      else root = op.value;
      continue;
    }
    if (!isContainer(root)) throw new Error(`No container at ${op.path}`);
    let parent = own(root);
    root = parent;
    for (const segment of path) {
      const child = Array.isArray(parent) ? parent[index(parent, segment, false, op.path)] : Object.hasOwn(parent, segment) ? parent[segment] : undefined;
      if (!isContainer(child)) throw new Error(`No container at ${op.path}`);
      const copy = own(child);
      set(parent, segment, copy);
      parent = copy;
    }
    apply(parent, last, op);
  }
  return root as T;
}

function apply(parent: Container, key: string, op: PatchOperation): void {
  if (Array.isArray(parent)) {
    const i = index(parent, key, op.op === 'add', op.path);
    if (op.op === 'add') parent.splice(i, 0, op.value);
    else if (op.op === 'remove') parent.splice(i, 1);
    else parent[i] = op.op === 'append' ? appended(parent[i], op.value, op.path) : op.value;
    return;
  }
  const exists = Object.hasOwn(parent, key);
  if (op.op !== 'add' && !exists) throw new Error(`No member at ${op.path}`);
  if (op.op === 'remove') delete parent[key];
  else set(parent, key, op.op === 'append' ? appended(parent[key], op.value, op.path) : op.value);
}

function appended(target: unknown, text: string, pointer: string): string {
  if (typeof target !== 'string') throw new Error(`No string to append to at ${pointer}`);
  return target + text;
}

// An own data property even for `__proto__`, whose assignment would change the prototype.
function set(parent: Container, key: string, value: unknown): void {
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else if (key === '__proto__') Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
  else parent[key] = value;
}
