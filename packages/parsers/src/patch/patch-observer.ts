import type { JsonObserver } from '../json/json-observer.js';
import type { JsonPath, JsonPathSegment, JsonValue } from '../json/json-value.js';
import { setOwn } from '../json/set-own.js';
import { shallowCopy, type JsonContainer } from '../json/shallow-copy.js';
import type { JsonPatchOperation } from './json-patch.js';
import { escapePointerSegment } from './json-pointer.js';

interface Frame {
  readonly pointer: string;
  readonly key: JsonPathSegment;
  readonly live: JsonValue; // the engine's container, or '' for a string
  text: string; // a string's text, kept only until it is announced
  announced: boolean; // the consumer has this value: report changes inside it
}

function isScalar(value: JsonValue): value is number | boolean | null {
  return value === null || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Turns the engine's events into JSON Patch operations, collected per push.
 *
 * A value is announced once, by an `add` carrying what it holds at that moment:
 * a value that completes within one chunk costs one `add`; one still open at
 * the end of a chunk is copied once (its open descendants too, completed ones
 * are shared), after which its new members arrive as `add`s and string growth
 * as `append`s. So the operations of a whole stream total O(n) bytes and work.
 * Values in operations are never mutated afterwards.
 */
export class PatchObserver implements JsonObserver {
  private readonly frames: Frame[] = [];
  private ops: JsonPatchOperation[] = [];

  /** The operations since the previous call, bringing a consumer's document up to date. */
  take(): JsonPatchOperation[] {
    this.announceOpen();
    const ops = this.ops;
    this.ops = [];
    return ops;
  }

  /** @internal */
  onStart(path: JsonPath, value: JsonValue): void {
    if (isScalar(value)) return;
    const key = path[path.length - 1] ?? '';
    this.frames.push({ pointer: this.childPointer(key), key, live: value, text: '', announced: false });
  }

  /** @internal */
  onAppend(_path: JsonPath, text: string): void {
    const frame = this.frames[this.frames.length - 1] as Frame;
    if (frame.announced) this.ops.push({ op: 'append', path: frame.pointer, value: text });
    else frame.text += text;
  }

  /** @internal */
  onEnd(path: JsonPath, value: JsonValue): void {
    let pointer: string;
    if (isScalar(value)) {
      pointer = this.childPointer(path[path.length - 1] ?? '');
    } else {
      const frame = this.frames.pop() as Frame;
      if (frame.announced) return;
      pointer = frame.pointer;
    }
    const parent = this.frames[this.frames.length - 1];
    // Completed values are never mutated again, so the operation can share them.
    if (parent === undefined || parent.announced) this.ops.push({ op: 'add', path: pointer, value });
  }

  private childPointer(key: JsonPathSegment): string {
    const parent = this.frames[this.frames.length - 1];
    return parent === undefined ? '' : `${parent.pointer}/${escapePointerSegment(key)}`;
  }

  // Announces the open values the consumer does not have yet, as one `add` of a copy.
  private announceOpen(): void {
    const frames = this.frames;
    let first = frames.length;
    while (first > 0 && !(frames[first - 1] as Frame).announced) first--;
    if (first === frames.length) return;
    const head = frames[first] as Frame;
    let value: JsonValue = typeof head.live === 'string' ? head.text : shallowCopy(head.live as JsonContainer);
    const result = value;
    for (let i = first + 1; i < frames.length; i++) {
      const frame = frames[i] as Frame;
      if (typeof frame.live === 'string') break; // already in its parent's copy
      const copy = shallowCopy(frame.live as JsonContainer);
      if (Array.isArray(value)) value[frame.key as number] = copy;
      else setOwn(value as Record<string, JsonValue>, frame.key as string, copy);
      value = copy;
    }
    for (let i = first; i < frames.length; i++) (frames[i] as Frame).announced = true;
    this.ops.push({ op: 'add', path: head.pointer, value: result });
  }
}
