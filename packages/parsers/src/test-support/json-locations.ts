import { escapePointerSegment } from '../patch/json-pointer.js';

/** A place in a JSON document: its JSON Pointer and the value there. */
export interface Location {
  readonly pointer: string;
  readonly value: unknown;
}

/** Every location in `doc`, the root first, for property tests that pick where to patch. */
export function locations(doc: unknown, pointer = '', out: Location[] = []): Location[] {
  out.push({ pointer, value: doc });
  if (typeof doc === 'object' && doc !== null) {
    for (const [key, child] of Object.entries(doc)) locations(child, `${pointer}/${escapePointerSegment(key)}`, out);
  }
  return out;
}

/** The `n`-th item, wrapping around (a fast-check natural as an index); `undefined` for no items. */
export function pick<T>(items: readonly T[], n: number): T | undefined {
  return items[n % Math.max(items.length, 1)];
}
