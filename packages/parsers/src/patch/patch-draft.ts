// Dependency-free on purpose: part of the patch code the browser client loads alone.
import { parsePointer } from './json-pointer.js';

type Container = Record<string, unknown> | unknown[];

/** Where a `replace` wrote: the container (none for the root), the key in it, and the value it replaced. */
export interface Replaced {
  readonly container: Container | undefined;
  readonly key: string | number;
  readonly old: unknown;
}

/**
 * The document of one `applyPatch` call, copied on write, so the caller's
 * document is never mutated and an unchanged subtree keeps its identity.
 *
 * A container is copied the first time a change passes through it; the copy is
 * remembered as fresh and later operations mutate it in place, so a call costs
 * O(depth + change) per operation, not a copy per operation. Two invariants
 * keep that safe: a fresh container is reachable from one place only, and a
 * container that is not fresh holds no fresh ones (it is never written to).
 */
export class PatchDraft {
  private readonly fresh = new WeakSet<object>();
  // The parent of the last `add` and its pointer: a stream adds siblings one after another
  // (`/items/7`, `/items/8`), and each would otherwise walk and re-parse the whole path.
  private sibling: { readonly pointer: string; readonly container: Container } | undefined;
  // The last `replace`, kept unboxed (no object per operation) until someone asks.
  private replacedIn: Container | undefined;
  private replacedKey: string | number = '';
  private replacedValue: unknown;

  /** Starts from `root`, which is shared, never mutated; `onCopy` hears the width of every container copied. */
  constructor(
    public root: unknown,
    private readonly onCopy?: (elements: number) => void,
  ) {}

  /** The value at `pointer`; throws if there is none. Reads own members only. */
  get(pointer: string): unknown {
    let value = this.root;
    for (const key of segments(pointer)) value = child(value, key, pointer);
    return value;
  }

  /** RFC 6902 `add`: sets a member or inserts into an array (`-` is past the end). */
  add(pointer: string, value: unknown): void {
    const cut = pointer.lastIndexOf('/');
    const known = this.sibling;
    if (known !== undefined && cut >= 0 && pointer.length - cut < 32 && pointer.indexOf('~', cut) < 0 && pointer.slice(0, cut) === known.pointer) {
      insert(known.container, pointer.slice(cut + 1), value, pointer);
      return;
    }
    const keys = segments(pointer);
    const last = keys.pop();
    if (last === undefined) {
      this.sibling = undefined;
      this.root = value;
      return;
    }
    const parent = this.parent(keys, pointer);
    insert(parent, last, value, pointer);
    this.sibling = { pointer: pointer.slice(0, cut), container: parent };
  }

  /** RFC 6902 `remove`: the target must exist. Returns the removed value. */
  remove(pointer: string): unknown {
    this.sibling = undefined;
    const keys = segments(pointer);
    const last = keys.pop();
    if (last === undefined) {
      const old = this.root;
      this.root = undefined;
      return old;
    }
    const parent = this.parent(keys, pointer);
    if (Array.isArray(parent)) return parent.splice(index(parent, last, false, pointer), 1)[0];
    const old = member(parent, last, pointer);
    delete parent[last];
    return old;
  }

  /** RFC 6902 `replace`, the target must exist; `update` maps its old value to the new one. */
  replace(pointer: string, update: (old: unknown) => unknown): void {
    this.sibling = undefined;
    const keys = segments(pointer);
    const last = keys.pop();
    if (last === undefined) {
      const old = this.root;
      this.root = update(old);
      this.replacedIn = undefined;
      this.replacedValue = old;
      return;
    }
    const parent = this.parent(keys, pointer);
    const key = Array.isArray(parent) ? index(parent, last, false, pointer) : last;
    const old = Array.isArray(parent) ? parent[key as number] : member(parent, last, pointer);
    set(parent, last, update(old));
    this.replacedIn = parent;
    this.replacedKey = key;
    this.replacedValue = old;
  }

  /**
   * Where the last {@link PatchDraft.replace} wrote, and what was there: an
   * `append` is a replace, so a caller follows a growing string with it.
   */
  get lastReplaced(): Replaced {
    return { container: this.replacedIn, key: this.replacedKey, old: this.replacedValue };
  }

  /**
   * `value`, read from this draft, made safe to place a second time (`copy`):
   * its fresh containers are copied (a real copy may be fresh again), the rest
   * is shared, since nothing that is not fresh is ever mutated.
   */
  detach(value: unknown): unknown {
    if (!isContainer(value) || !this.fresh.has(value)) return value;
    const copy = this.copy(value);
    if (Array.isArray(copy)) for (let i = 0; i < copy.length; i++) copy[i] = this.detach(copy[i]);
    else for (const key of Object.keys(copy)) set(copy, key, this.detach(copy[key]));
    return copy;
  }

  // The container at `keys`, with it and its ancestors made fresh.
  private parent(keys: readonly string[], pointer: string): Container {
    if (!isContainer(this.root)) throw new Error(`No container at ${pointer}`);
    let parent = this.own(this.root);
    this.root = parent;
    for (const key of keys) {
      const next = child(parent, key, pointer);
      if (!isContainer(next)) throw new Error(`No container at ${pointer}`);
      const own = this.own(next);
      if (own !== next) set(parent, key, own);
      parent = own;
    }
    return parent;
  }

  private own(value: Container): Container {
    return this.fresh.has(value) ? value : this.copy(value);
  }

  private copy(value: Container): Container {
    const copy = Array.isArray(value) ? value.slice() : { ...value };
    this.fresh.add(copy);
    this.onCopy?.(Array.isArray(copy) ? copy.length : Object.keys(copy).length);
    return copy;
  }
}

// RFC 6902 `add` into a container: an array insertion (`-` past the end) or a member.
function insert(parent: Container, key: string, value: unknown, pointer: string): void {
  if (Array.isArray(parent)) {
    const i = index(parent, key, true, pointer);
    if (i === parent.length) parent.push(value);
    else parent.splice(i, 0, value);
  } else {
    set(parent, key, value);
  }
}

// RFC 6901 segments; rejects a '~' not followed by 0 or 1.
function segments(pointer: string): string[] {
  if (/~(?![01])/.test(pointer)) throw new Error(`Invalid JSON Pointer ${JSON.stringify(pointer)}: '~' must be followed by 0 or 1`);
  return parsePointer(pointer);
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function child(value: unknown, key: string, pointer: string): unknown {
  if (!isContainer(value)) throw new Error(`No container at ${pointer}`);
  return Array.isArray(value) ? value[index(value, key, false, pointer)] : member(value, key, pointer);
}

function member(object: Record<string, unknown>, key: string, pointer: string): unknown {
  if (!Object.hasOwn(object, key)) throw new Error(`No member at ${pointer}`);
  return object[key];
}

// RFC 6901 array index: digits without leading zeros; '-' (past the end) only where `add` allows it.
function index(array: readonly unknown[], key: string, allowEnd: boolean, pointer: string): number {
  const i = key === '-' && allowEnd ? array.length : /^(0|[1-9]\d*)$/.test(key) ? Number(key) : -1;
  if (i < 0) throw new Error(`Invalid array index ${JSON.stringify(key)} in ${pointer}`);
  if (i > array.length || (i === array.length && !allowEnd)) throw new Error(`No array element at ${pointer}`);
  return i;
}

// An own data property even for `__proto__`, whose assignment would change the prototype.
function set(parent: Container, key: string, value: unknown): void {
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else if (key === '__proto__') Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
  else parent[key] = value;
}
