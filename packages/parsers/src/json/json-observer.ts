import type { JsonPath, JsonValue } from './json-value.js';

/**
 * Receives the engine's events, so layers built on top of it (snapshots, patches,
 * element extraction, schema checks) do work proportional to what changed instead
 * of walking the whole value after each chunk.
 *
 * Every value produces exactly one `onStart` and one `onEnd`, in document order,
 * properly nested. `path` is the engine's own live array: it is only valid during
 * the call (copy it to keep it), which is what keeps an event O(1) at any depth.
 *
 * String text is batched: at most one `onAppend` per string per `push()`, so a
 * layer's cost per chunk does not grow with the number of escapes in it.
 */
export interface JsonObserver {
  /**
   * A value begins at `path`. Objects and arrays arrive empty, strings as `''`
   * (their text follows through `onAppend`), numbers, booleans and null whole.
   * For a container, `value` is the engine's live object, filled in place later;
   * an array is replaced by an exact-size copy when it closes (`onEnd` gets that copy).
   */
  onStart?(path: JsonPath, value: JsonValue): void;
  /** Decoded `text` was appended to the open string at `path`. Never half an escape or surrogate pair. */
  onAppend?(path: JsonPath, text: string): void;
  /** The value at `path` is complete; the engine never changes `value` again. */
  onEnd?(path: JsonPath, value: JsonValue): void;
}
