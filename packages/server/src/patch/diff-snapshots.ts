import { appendedSince, type PatchOperation } from '@rivulet/parsers/patch';
import { pointerSegment } from './pointer-segment.js';

type Plain = Record<string, unknown>;

/**
 * The operations that turn snapshot `previous` into `next`, appended to `ops`.
 *
 * Snapshots from Rivulet's parsers share every unchanged subtree with the
 * previous one, so identical references are skipped without a look inside:
 * a diff costs the width of the containers on the changed path, not the size
 * of the document. A string that grew by a suffix becomes one `append` (read
 * from what the snapshot layer noted, `appendedSince`, when it did: comparing
 * one huge growing string whole per snapshot would be quadratic), a new
 * member or element one `add`, so a whole stream of diffs totals about the
 * size of the final document. Values that are not plain objects, arrays or
 * strings (numbers, dates, class instances) are replaced when they differ.
 */
export function diffSnapshots(previous: unknown, next: unknown, pointer: string, ops: PatchOperation[]): void {
  if (Object.is(previous, next)) return;
  if (typeof previous === 'string' && typeof next === 'string') {
    // A snapshot that is a string (the document, or a slot) has no container to note its growth on: the
    // snapshot layer notes it by the string itself. Else startsWith, at memcmp speed; only a suffix can be appended.
    const appended = appendedSince(previous, next) ?? (next.length > previous.length && next.startsWith(previous) ? next.slice(previous.length) : undefined);
    ops.push(appended === undefined ? { op: 'replace', path: pointer, value: next } : { op: 'append', path: pointer, value: appended });
  } else if (Array.isArray(previous) && Array.isArray(next)) {
    diffArrays(previous, next, pointer, ops);
  } else if (isPlain(previous) && isPlain(next)) {
    diffObjects(previous, next, pointer, ops);
  } else if (next === undefined && pointer === '') {
    ops.push({ op: 'remove', path: pointer });
  } else {
    ops.push({ op: 'replace', path: pointer, value: next });
  }
}

function diffArrays(previous: readonly unknown[], next: readonly unknown[], pointer: string, ops: PatchOperation[]): void {
  const shared = Math.min(previous.length, next.length);
  // The inline check keeps the scan over a long array's shared elements to a compare each.
  for (let i = 0; i < shared; i++) if (previous[i] !== next[i]) diffMember(previous, next, i, previous[i], next[i], `${pointer}/${i}`, ops);
  for (let i = shared; i < next.length; i++) ops.push({ op: 'add', path: `${pointer}/${i}`, value: next[i] });
  // From the end, so each index still points at the element meant.
  for (let i = previous.length - 1; i >= shared; i--) ops.push({ op: 'remove', path: `${pointer}/${i}` });
}

function diffObjects(previous: Plain, next: Plain, pointer: string, ops: PatchOperation[]): void {
  // A member holding `undefined` is absent on the wire (JSON drops it), so it is added, not replaced.
  for (const key of Object.keys(previous)) {
    if (previous[key] !== undefined && own(next, key) === undefined) ops.push({ op: 'remove', path: `${pointer}/${pointerSegment(key)}` });
  }
  for (const key of Object.keys(next)) {
    const value = next[key];
    if (value === undefined) continue;
    const path = `${pointer}/${pointerSegment(key)}`;
    const before = own(previous, key);
    if (before === undefined) ops.push({ op: 'add', path, value });
    else diffMember(previous, next, key, before, value, path, ops);
  }
}

// A string the snapshot layer says only grew is appended to without comparing it whole again.
function diffMember(previous: object, next: object, key: string | number, before: unknown, value: unknown, path: string, ops: PatchOperation[]): void {
  const appended = typeof value === 'string' ? appendedSince(previous, next, key) : undefined;
  if (appended !== undefined) ops.push({ op: 'append', path, value: appended });
  else diffSnapshots(before, value, path, ops);
}

// Not `object[key]`: for a missing `constructor` or `toString` that reads the prototype.
function own(object: Plain, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
