// Dependency-free on purpose: the browser client applies a served patch stream with it.
import { applyOperation, type Fields, type PatchOperation } from './apply-patch.js';
import { FieldShapes, type FieldShape } from './field-shapes.js';
import { parsePointer } from './json-pointer.js';
import { PatchDraft } from './patch-draft.js';
import { SnapshotBudget } from './snapshot-budget.js';
import { NOTED_FROM, noteMemberGrowth, noteStringGrowth } from './string-growth.js';

/** A string appended to since the last snapshot: it was `before`, gained `appended`, and is `current`. */
interface Growing {
  readonly before: string;
  appended: string;
  current: string;
}

/**
 * A document rebuilt from a stream of JSON Patch messages, handing out
 * immutable snapshots in O(n) total for a stream of n characters.
 *
 * `applyPatch` per message would copy every container on a changed path per
 * message: a wide array costs its width each time. Here the messages mutate a
 * private working copy (copied on write only after a snapshot was handed
 * out), and {@link PatchedDocument.due} spaces the snapshots by the parsers'
 * rule ({@link SnapshotBudget}): about 2 copied elements per character
 * received, except that a field seen for the first time is shown at once.
 * At the end of the stream, or when it pauses, publish whatever changed.
 * A long string that `append` operations grew between two snapshots has its
 * growth noted (see `appendedSince`), so a server re-serving the snapshots
 * sends the new text without comparing the whole string again.
 *
 * @example
 * ```ts
 * const doc = new PatchedDocument();
 * doc.apply(JSON.parse(message), message.length);
 * if (doc.due) render(doc.publish());
 * ```
 */
export class PatchedDocument {
  /** What snapshots have cost; `budget.copied` counts copied elements. */
  readonly budget = new SnapshotBudget();
  private readonly shapes = new FieldShapes();
  private draft = new PatchDraft(undefined, (n) => this.budget.spend(n));
  private dirty = false;
  private newField = false;
  private readonly growing = new Map<object, Map<string | number, Growing>>(); // by container copy, then key
  private growingRoot: Growing | undefined; // the root, when it is a string

  /** True when the document changed since the last snapshot. */
  get changed(): boolean {
    return this.dirty;
  }

  /** True when a snapshot should go out now. */
  get due(): boolean {
    return this.dirty && (this.budget.allows || (this.newField && this.budget.allowsForced));
  }

  /** Applies one message of `characters` characters; throws on an operation that does not fit. */
  apply(ops: readonly PatchOperation[], characters: number): void {
    this.budget.earn(characters);
    for (const op of ops) {
      // A scalar appended to an array brings no field: skip the walk for the most common op of a wide array.
      if (op.op === 'add' && (isContainer(op.value) || !endsWithIndex(op.path))) this.noteFields(op.path, op.value);
      applyOperation(this.draft, op as unknown as Fields);
      if (op.op === 'append') this.follow(op.value);
      this.dirty = true;
    }
  }

  /** The document as an immutable snapshot; later messages leave it untouched. */
  publish(): unknown {
    const root = this.draft.root;
    this.noteGrowth(root);
    this.draft = new PatchDraft(root, (n) => this.budget.spend(n));
    this.dirty = false;
    this.newField = false;
    return root;
  }

  // An `append` of `text` just applied: extend the growth of that string since the last snapshot, or start one.
  private follow(text: string): void {
    const { container, key, old } = this.draft.lastReplaced;
    const now: unknown = container === undefined ? this.draft.root : (container as Record<string | number, unknown>)[key];
    if (typeof now !== 'string' || typeof old !== 'string' || now.length <= NOTED_FROM) return;
    let byKey: Map<string | number, Growing> | undefined;
    if (container !== undefined) {
      byKey = this.growing.get(container);
      if (byKey === undefined) this.growing.set(container, (byKey = new Map()));
    }
    const growing = byKey === undefined ? this.growingRoot : byKey.get(key);
    // Still the string this growth made (`===`: a pointer compare when it is): it grew again. Else it was
    // replaced since, and this append starts a new growth from what replaced it.
    if (growing !== undefined && growing.current === old) {
      growing.appended += text;
      growing.current = now;
    } else if (byKey === undefined) {
      this.growingRoot = { before: old, appended: text, current: now };
    } else {
      byKey.set(key, { before: old, appended: text, current: now });
    }
  }

  // Notes each growth whose string is still the one it made (a later `replace` may have put another there).
  private noteGrowth(root: unknown): void {
    for (const [container, byKey] of this.growing) {
      for (const [key, growing] of byKey) {
        if ((container as Record<string | number, unknown>)[key] === growing.current) noteMemberGrowth(container, key, growing.before, growing.appended);
      }
    }
    const rootGrowing = this.growingRoot;
    if (rootGrowing !== undefined && root === rootGrowing.current) noteStringGrowth(rootGrowing.current, rootGrowing.before, rootGrowing.appended);
    this.growing.clear();
    this.growingRoot = undefined;
  }

  // Registers the fields an `add` brings: the member it adds and those inside its value.
  private noteFields(pointer: string, value: unknown): void {
    const keys = pointer === '' ? [] : parsePointer(pointer);
    let shape = this.shapes.root;
    let at: unknown = this.draft.root;
    keys.forEach((key, i) => {
      const isLast = i === keys.length - 1;
      if (Array.isArray(at)) {
        shape = this.shapes.element(shape);
        at = isLast ? undefined : at[Number(key)];
      } else {
        shape = this.member(shape, key);
        at = isLast || typeof at !== 'object' || at === null ? undefined : (at as Record<string, unknown>)[key];
      }
    });
    this.noteValue(shape, value);
  }

  private noteValue(shape: FieldShape, value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      const element = this.shapes.element(shape);
      for (const item of value) this.noteValue(element, item);
      return;
    }
    for (const [key, member] of Object.entries(value)) this.noteValue(this.member(shape, key), member);
  }

  private member(shape: FieldShape, key: string): FieldShape {
    const found = this.shapes.member(shape, key);
    if (found.isNew) this.newField = true;
    return found.shape;
  }
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

// True for a pointer whose last segment is `-` or digits (an array position, or an object key that looks like one).
function endsWithIndex(pointer: string): boolean {
  const last = pointer.slice(pointer.lastIndexOf('/') + 1);
  return last === '-' || (last.length > 0 && last.length < 16 && /^\d+$/.test(last));
}
