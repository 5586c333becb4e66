import { flattenString } from '../json/flatten-string.js';
import type { JsonObserver } from '../json/json-observer.js';
import type { JsonPath, JsonPathSegment, JsonValue } from '../json/json-value.js';
import { setOwn } from '../json/set-own.js';
import { shallowCopy, type JsonContainer } from '../json/shallow-copy.js';
import { FieldShapes, type FieldShape } from '../patch/field-shapes.js';
import { SnapshotBudget } from '../patch/snapshot-budget.js';

interface Frame {
  work: JsonContainer; // this layer's own version of an open container
  shared: boolean; // `work` was published: copy it before the next write
  readonly key: JsonPathSegment; // where it sits in its parent
  readonly shape: FieldShape; // its field path, indices wildcarded
  size: number; // entries written: what a copy costs
  seen: boolean; // a descendant was published: the engine's version of this container would not share it
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
 * It is copy-on-write: a published container is copied at its first change
 * after publication, so between two snapshots each container on the changed
 * path is copied once, however many characters arrived; completed subtrees are
 * never copied again. A wide open array would still cost its width per
 * snapshot, so {@link SnapshotObserver.due} says when a snapshot is worth its
 * copies ({@link SnapshotBudget}: about 2 copied elements per input
 * character in all) or must go out anyway (a field seen for the first time).
 * The owner reports input with {@link SnapshotObserver.advance}, publishes
 * when due, and at the end of the input or a quiet period publishes whatever
 * changed.
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
  private root: JsonValue | undefined = undefined;
  private text = ''; // the open string so far
  private dirty = false;
  private deepest = -1; // deepest frame written since the last snapshot
  private newField = false; // a field appeared for the first time since the last snapshot

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
    // Give each ancestor of the deepest change its child's new version, bottom up.
    for (let i = Math.min(this.deepest, frames.length - 1); i >= 0; i--) {
      const frame = frames[i] as Frame;
      if (i > 0) {
        const parent = frames[i - 1] as Frame;
        if ((parent.work as Record<string, JsonValue>)[frame.key] !== frame.work) this.writeInto(parent, frame.key, frame.work);
      }
      frame.shared = true;
    }
    if (frames.length > 0) this.root = (frames[0] as Frame).work;
    this.dirty = false;
    this.newField = false;
    this.deepest = -1;
    return this.root;
  }

  /** @internal */
  onStart(path: JsonPath, value: JsonValue): void {
    const key = path[path.length - 1] as JsonPathSegment;
    const shape = this.shapeOf(key);
    if (typeof value === 'string') this.text = value;
    if (value === null || typeof value !== 'object') {
      this.place(key, value);
      return;
    }
    const frame: Frame = { work: Array.isArray(value) ? [] : {}, shared: false, key, shape, size: 0, seen: false };
    this.place(key, frame.work);
    this.frames.push(frame);
    this.touch(this.frames.length - 1);
  }

  /** @internal */
  onAppend(path: JsonPath, text: string): void {
    this.text += text;
    this.place(path[path.length - 1] as JsonPathSegment, this.text);
  }

  /** @internal */
  onEnd(path: JsonPath, value: JsonValue): void {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string') this.adoptString(path[path.length - 1] as JsonPathSegment, value);
      return;
    }
    const frame = this.frames.pop() as Frame;
    const parent = this.frames[this.frames.length - 1];
    // Nobody has seen this layer's copy of a container never published, nor any part of it: take
    // the engine's (complete, never changed again), so closed subtrees are not held twice.
    const seen = frame.shared || frame.seen;
    if (seen && parent !== undefined) parent.seen = true;
    const done = seen ? frame.work : (value as JsonContainer);
    // Copy-on-write may have replaced the version the parent holds.
    if (parent === undefined) {
      if (this.root !== frame.work) this.dirty = true;
      this.root = done;
    } else if ((parent.work as Record<string, JsonValue>)[frame.key] !== frame.work) {
      this.place(frame.key, done);
    } else if (done !== frame.work) {
      // An unpublished child implies a parent written since its last publication: no copy needed.
      write(parent.work, frame.key, done);
    }
  }

  // A completed string: the engine's flat one replaces this layer's equal copy where that costs no copy.
  private adoptString(key: JsonPathSegment, value: string): void {
    const parent = this.frames[this.frames.length - 1];
    if (parent === undefined) this.root = value;
    else if (!parent.shared) write(parent.work, key, value);
    else flattenString(this.text); // kept: flatten it, as the engine does its own
    this.text = '';
  }

  // The field path of a new value under the innermost open container; notes a field never seen before.
  private shapeOf(key: JsonPathSegment): FieldShape {
    const parent = this.frames[this.frames.length - 1];
    if (parent === undefined) return this.shapes.root;
    parent.size++;
    if (typeof key === 'number') return this.shapes.element(parent.shape);
    const { shape, isNew } = this.shapes.member(parent.shape, key);
    if (isNew) this.newField = true;
    return shape;
  }

  // Writes a child of the innermost open container (or the root).
  private place(key: JsonPathSegment, value: JsonValue): void {
    const depth = this.frames.length;
    this.dirty = true;
    if (depth === 0) {
      this.root = value;
      return;
    }
    this.writeInto(this.frames[depth - 1] as Frame, key, value);
    this.touch(depth - 1);
  }

  private writeInto(frame: Frame, key: JsonPathSegment, value: JsonValue): void {
    if (frame.shared) {
      frame.work = shallowCopy(frame.work);
      frame.shared = false;
      this.budget.spend(frame.size);
    }
    write(frame.work, key, value);
  }

  private touch(index: number): void {
    if (index > this.deepest) this.deepest = index;
  }
}
