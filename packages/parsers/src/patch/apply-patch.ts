// Dependency-free on purpose: the server and the browser client apply patches with
// this file and the files it imports (all in this folder, none importing a package).
import { jsonEqual } from './json-equal.js';
import { PatchDraft } from './patch-draft.js';

/**
 * A JSON Patch operation as {@link applyPatch} accepts it: RFC 6902 in full,
 * plus `append`, which appends the string `value` to the string at `path`, so a
 * string streamed in pieces costs its length on the wire, not its square.
 */
export type PatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string }
  | { readonly op: 'append'; readonly path: string; readonly value: string };

// An operation as it may arrive from the wire: checked member by member.
/** An operation as it arrives, checked field by field. */
export type Fields = Readonly<Record<string, unknown>>;

/**
 * Applies JSON Patch operations (RFC 6902: `add`, `remove`, `replace`, `move`,
 * `copy`, `test`, plus `append`) to `doc` and returns the new document.
 *
 * `doc` is never mutated: containers along changed paths are copied, each at
 * most once per call however many operations touch it, and everything else is
 * shared, so an unchanged subtree keeps its identity. An operation that does
 * not fit the document (a missing target, a failed `test`, a malformed
 * operation) throws an `Error`, and the caller's `doc` is as it was.
 *
 * @example
 * ```ts
 * let doc: unknown;
 * doc = applyPatch(doc, [{ op: 'add', path: '', value: { text: 'Hel' } }]);
 * doc = applyPatch(doc, [{ op: 'append', path: '/text', value: 'lo' }]); // { text: 'Hello' }
 * ```
 */
export function applyPatch<T = unknown>(doc: unknown, ops: readonly PatchOperation[]): T {
  const draft = new PatchDraft(doc);
  for (const op of ops) applyOperation(draft, op as unknown as Fields);
  return draft.root as T;
}

/** @internal Applies one operation to a draft; throws on an operation that does not fit. */
export function applyOperation(draft: PatchDraft, op: Fields): void {
  if (typeof op !== 'object' || op === null) throw new Error(`Invalid JSON Patch operation ${JSON.stringify(op)}: not an object`);
  switch (op.op) {
    case 'add':
      return draft.add(pointer(op, 'path'), value(op));
    case 'remove':
      draft.remove(pointer(op, 'path'));
      return;
    case 'replace': {
      const path = pointer(op, 'path');
      const next = value(op);
      return draft.replace(path, () => next);
    }
    case 'move':
      return move(draft, pointer(op, 'from'), pointer(op, 'path'));
    case 'copy': {
      const path = pointer(op, 'path');
      return draft.add(path, draft.detach(draft.get(pointer(op, 'from'))));
    }
    case 'test': {
      const path = pointer(op, 'path');
      if (!jsonEqual(draft.get(path), value(op))) throw new Error(`JSON Patch test failed: the value at ${path} differs`);
      return;
    }
    case 'append': {
      const path = pointer(op, 'path');
      const text = value(op);
      if (typeof text !== 'string') throw new Error(`JSON Patch append to ${path} needs a string value`);
      return draft.replace(path, (old) => {
        if (typeof old !== 'string') throw new Error(`No string to append to at ${path}`);
        return old + text;
      });
    }
    default:
      throw new Error(`Unknown JSON Patch op ${String(JSON.stringify(op.op))}`);
  }
}

// RFC 6902 4.4: a location cannot move into one of its children; onto itself it is a no-op.
function move(draft: PatchDraft, from: string, path: string): void {
  if (path.startsWith(`${from}/`)) throw new Error(`JSON Patch cannot move ${from || "''"} into its own child ${path}`);
  if (from === path) draft.get(from);
  else draft.add(path, draft.remove(from));
}

function pointer(op: Fields, key: 'path' | 'from'): string {
  if (!(key in op)) throw new Error(`JSON Patch ${String(op.op)} is missing '${key}'`);
  const text = op[key];
  if (typeof text !== 'string') throw new Error(`Invalid JSON Pointer ${String(JSON.stringify(text))} in '${key}': not a string`);
  return text;
}

// `value: null` is a value; only a missing member is missing.
function value(op: Fields): unknown {
  if (!('value' in op)) throw new Error(`JSON Patch ${String(op.op)} at ${String(op.path)} is missing 'value'`);
  return op.value;
}
