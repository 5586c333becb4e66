import type { JsonObserver } from '../json/json-observer.js';
import type { JsonPath, JsonPathSegment, JsonValue } from '../json/json-value.js';
import { setOwn } from '../json/set-own.js';
import { shallowCopy, type JsonContainer } from '../json/shallow-copy.js';
import { FieldShapes, type FieldShape } from '../patch/field-shapes.js';
import { SnapshotBudget } from '../patch/snapshot-budget.js';
import { forgetStringGrowth, NOTED_FROM, noteStringGrowth } from '../patch/string-growth.js';

interface Frame {
  readonly live: JsonContainer; // the engine's open container, filled in place: never handed out
  published: JsonContainer | undefined; // its copy in the last snapshot
  readonly key: JsonPathSegment; // where it sits in its parent
  readonly shape: FieldShape; // its field path, indices wildcarded
  size: number; // entries: what a copy costs
}

function write(container: JsonContainer, key: JsonPathSegment, value: JsonValue): void {
  if (Array.isArray(container)) container[key as number] = value;
  else setOwn(container, key as string, value);
}

/**
 * Turns the engine's events into immutable snapshots with structural sharing:
 * a subtree that did not change since the previous snapshot keeps its identity,
 * one that changed is a new object, so UIs can compare by reference. Snapshots
 * are never mutated once published; treat them as read-only (they are not
 * frozen: `Object.freeze` on every copy made snapshots about 7x slower).
 *
 * It builds no tree of its own: between snapshots it only notes how deep the
 * engine's value changed. A snapshot copies each open container that changed
 * (the engine goes on filling its own, so a copy is exact-size and never
 * written again) and shares everything else: completed subtrees are the
 * engine's own, never changed again, or, when they did not change after they
 * were last published, that published copy (put back into the engine's tree
 * when they complete, so their identity lasts). A wide open array would still
 * cost its width per snapshot, so {@link SnapshotObserver.due} says when a
 * snapshot is worth its copies ({@link SnapshotBudget}: about 2 copied
 * elements per input character in all) or must go out anyway (a field seen
 * for the first time). The owner reports input with
 * {@link SnapshotObserver.advance}, publishes when due, and at the end of the
 * input or a quiet period publishes whatever changed.
 *
 * @example
 * ```ts
 * const snapshots = new SnapshotObserver();
 * const p = new PartialJsonParser({ observers: [snapshots] });
 * p.push('{"a": [1], "b": "x');
 * const first = snapshots.publish();
 * p.push('yz"}');
 * snapshots.publish().a === first.a; // true: unchanged
 * ```
 */
export class SnapshotObserver implements JsonObserver {
  /** What snapshots have cost so far; `budget.copied` counts copied elements. */
  readonly budget = new SnapshotBudget();
  private readonly shapes = new FieldShapes();
  private readonly frames: Frame[] = [];
  private root: JsonValue | undefined = undefined; // the last snapshot, or the completed value
  private rootText = ''; // a top-level string so far (one inside a container is the engine's to write); '' once it completed
  private rootShown: string | undefined; // that string in the last snapshot, while it is open
  private rootAppended = ''; // what it gained since
  private dirty = false;
  private deepest = -1; // deepest open frame changed since the last snapshot
  private newField = false; // a field appeared for the first time since the last snapshot
  private stringKey: JsonPathSegment | undefined; // the open string's key in the innermost frame
  private stringShown = false; // the open string was in the last snapshot
  private appended = ''; // what the open string gained since the last snapshot
  private stringLength = 0; // the open string's length

  /** True when the value changed since the last {@link SnapshotObserver.publish}. */
  get changed(): boolean {
    return this.dirty;
  }

  /** True when a snapshot should go out now: something changed, and it is paid for or shows a new field. */
  get due(): boolean {
    return this.dirty && (this.budget.allows || (this.newField && this.budget.allowsForced));
  }

  /** `characters` more of input were pushed to the engine. */
  advance(characters: number): void {
    this.budget.earn(characters);
  }

  /** The current value as an immutable snapshot (the previous one when nothing changed). */
  publish(): JsonValue | undefined {
    if (!this.dirty) return this.root;
    const frames = this.frames;
    const top = frames.length - 1;
    const from = Math.min(this.deepest, top);
    // Frames below the deepest change did not change: their last copies stand.
    let child: JsonValue | undefined = from < top ? (frames[from + 1] as Frame).published : undefined;
    let copied = 0;
    for (let i = from; i >= 0; i--) {
      const frame = frames[i] as Frame;
      const copy = shallowCopy(frame.live);
      copied += frame.size;
      if (i < top) write(copy, (frames[i + 1] as Frame).key, child as JsonValue);
      else this.noteGrowth(frame, copy);
      frame.published = copy;
      child = copy;
    }
    this.stringShown = this.stringKey !== undefined;
    this.appended = '';
    if (top >= 0) this.root = (frames[0] as Frame).published;
    else if (this.rootText !== '') this.noteRootGrowth(this.rootText);
    this.budget.spend(copied);
    this.dirty = false;
    this.newField = false;
    this.deepest = -1;
    return this.root;
  }

  /** @internal */
  onStart(path: JsonPath, value: JsonValue): void {
    const depth = this.frames.length;
    this.dirty = true;
    if (depth === 0) {
      this.root = value;
      if (typeof value === 'string') this.rootText = value;
    } else {
      const parent = this.frames[depth - 1] as Frame;
      parent.size++;
      if (depth - 1 > this.deepest) this.deepest = depth - 1;
      const key = path[path.length - 1] as JsonPathSegment;
      if (typeof value === 'string') this.openString(key);
      if (typeof key === 'string') {
        const { shape, isNew } = this.shapes.member(parent.shape, key);
        if (isNew) this.newField = true;
        if (typeof value === 'object' && value !== null) this.open(value, key, shape);
        return;
      }
    }
    if (typeof value === 'object' && value !== null) {
      const parent = this.frames[depth - 1];
      this.open(value, path[path.length - 1] ?? '', parent === undefined ? this.shapes.root : this.shapes.element(parent.shape));
    }
  }

  /** @internal */
  onAppend(_path: JsonPath, text: string): void {
    const depth = this.frames.length;
    this.dirty = true;
    if (depth === 0) {
      this.root = this.rootText += text;
      if (this.rootShown !== undefined) this.rootAppended += text;
      return;
    }
    if (depth - 1 > this.deepest) this.deepest = depth - 1;
    this.stringLength += text.length;
    if (this.stringShown) this.appended += text;
  }

  /** @internal */
  onEnd(_path: JsonPath, value: JsonValue): void {
    if (typeof value !== 'object' || value === null) {
      if (this.frames.length === 0) this.endRoot(value); // the engine's flat string in place of the rope
      else if (typeof value === 'string') this.openString(undefined);
      return;
    }
    const frames = this.frames;
    const index = frames.length - 1;
    const frame = frames.pop() as Frame;
    // Unchanged since it was last published: that copy is this subtree from now on, in the
    // engine's tree too, so later snapshots keep its identity. Else the engine's completed one.
    const kept = frame.published !== undefined && this.deepest < index ? frame.published : undefined;
    if (this.deepest >= index) this.deepest = index - 1;
    if (index === 0) {
      if (kept === undefined) {
        this.root = value;
        this.dirty = true;
      }
    } else if (kept !== undefined) {
      write((frames[index - 1] as Frame).live, frame.key, kept);
    }
  }

  private openString(key: JsonPathSegment | undefined): void {
    this.stringKey = key;
    this.stringShown = false;
    this.appended = '';
    this.stringLength = 0;
  }

  // The innermost container's open string, shown before, only grew: say by how much, so a consumer
  // diffing the two snapshots need not compare the whole string (see `appendedSince`). Only for a long
  // one: a note costs a WeakMap entry per snapshot, more than comparing a short string.
  private noteGrowth(frame: Frame, copy: JsonContainer): void {
    if (this.stringShown && this.stringLength > NOTED_FROM && this.appended !== '' && frame.published !== undefined) {
      noteStringGrowth(copy, frame.published, this.stringKey as JsonPathSegment, this.appended);
    }
  }

  // The top-level string, shown before, grew: say by how much, as for a string in a container (a long one only).
  private noteRootGrowth(text: string): void {
    const shown = this.rootShown;
    if (shown !== undefined && text.length > NOTED_FROM && this.rootAppended !== '') noteStringGrowth(text, shown, this.rootAppended);
    this.rootShown = text;
    this.rootAppended = '';
  }

  // A top-level scalar completed: a string's last note is dropped, so the table of root notes keeps nothing of it.
  private endRoot(value: JsonValue): void {
    this.root = value;
    if (this.rootShown !== undefined) forgetStringGrowth(this.rootShown);
    this.rootShown = undefined;
    this.rootText = '';
    this.rootAppended = '';
  }

  private open(live: JsonContainer, key: JsonPathSegment, shape: FieldShape): void {
    this.frames.push({ live, published: undefined, key, shape, size: 0 });
    this.deepest = this.frames.length - 1;
  }
}
