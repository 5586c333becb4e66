// Dependency-free on purpose: part of the `@rivulet/parsers/patch` entry.

/**
 * Strings longer than this have their growth noted; a consumer compares a
 * shorter one (at most this many characters), which costs less than a note.
 * @internal
 */
export const NOTED_FROM = 256;

/** One string of a container snapshot: it is `before` with `appended` after it. */
interface MemberGrowth {
  readonly key: string | number;
  readonly before: string;
  readonly appended: string;
}

// By the container copy the string sits in: one growth, or several (a patch stream may grow many strings at once).
// A note holds the string before, not the container before, so notes never chain snapshots together in memory.
const members = new WeakMap<object, MemberGrowth | Map<string | number, MemberGrowth>>();

/** A top-level string snapshot: `next` is `before` with `appended` after it. */
interface RootGrowth {
  readonly next: string;
  readonly before: string;
  readonly appended: string;
}

// A string cannot key a WeakMap, so root notes sit in a small table by the length of `next`, oldest first.
// `===` on the same string object is a pointer compare; on another one of that length it compares
// contents, which is what the note claims anyway. Bounded: a stream that never completes (aborted)
// leaves at most its last note, and that one goes once MAX_ROOT_NOTES newer ones were made.
const MAX_ROOT_NOTES = 32;
const roots = new Map<number, RootGrowth>();

/**
 * Notes that in snapshot container `next`, the string at `key` is the one at
 * `key` of `previous` (the same container in the snapshot before) with
 * `appended` after it. For a snapshot that is itself a string, notes that
 * `next` is `previous` with `appended` after it. Snapshot layers call it for
 * the open string they publish; {@link appendedSince} reads it.
 */
export function noteStringGrowth(next: object, previous: object, key: string | number, appended: string): void;
/** Notes that top-level string snapshot `next` is `previous` with `appended` after it. */
export function noteStringGrowth(next: string, previous: string, appended: string): void;
export function noteStringGrowth(next: object | string, previous: object | string, keyOrAppended: string | number, appended?: string): void {
  if (typeof next === 'string') {
    if (typeof previous === 'string' && typeof keyOrAppended === 'string') noteRootGrowth(next, previous, keyOrAppended);
    return;
  }
  const before = typeof previous === 'object' ? (previous as Record<string | number, unknown>)[keyOrAppended] : undefined;
  if (typeof before === 'string' && appended !== undefined) noteMemberGrowth(next, keyOrAppended, before, appended);
}

/**
 * Notes that in snapshot container `next`, the string at `key` is `before`
 * with `appended` after it. For a snapshot layer that knows the string
 * before but not the container it sat in.
 * @internal
 */
export function noteMemberGrowth(next: object, key: string | number, before: string, appended: string): void {
  const growth: MemberGrowth = { key, before, appended };
  const noted = members.get(next);
  if (noted === undefined || (!(noted instanceof Map) && noted.key === key)) members.set(next, growth);
  else if (noted instanceof Map) noted.set(key, growth);
  else members.set(next, new Map([[noted.key, noted], [key, growth]]));
}

/**
 * Forgets the note on top-level string snapshot `next`, if there is one: the
 * string completed, so nothing large is kept for it.
 * @internal
 */
export function forgetStringGrowth(next: string): void {
  const noted = roots.get(next.length);
  if (noted !== undefined && noted.next === next) roots.delete(next.length);
}

/**
 * The text appended to the string at `key` between container `previous` and
 * its next snapshot `next`, or, for two snapshots that are strings, between
 * `previous` and `next`, when the snapshot layer noted it; `undefined` when it
 * did not (compare the strings then). A noted growth is always true of the
 * strings it is asked about. It lets a consumer that diffs snapshots (the
 * server's patch encoder) send a growing string's new text without comparing
 * the whole string again per snapshot, which is quadratic for one huge string.
 *
 * @example
 * ```ts
 * const text = appendedSince(before, after, 'answer');
 * if (text !== undefined) ops.push({ op: 'append', path: '/answer', value: text });
 * ```
 */
export function appendedSince(previous: object, next: object, key: string | number): string | undefined;
/** The text appended between top-level string snapshots `previous` and `next`, when it was noted. */
export function appendedSince(previous: string, next: string): string | undefined;
export function appendedSince(previous: object | string, next: object | string, key?: string | number): string | undefined {
  if (typeof next === 'string') {
    const noted = roots.get(next.length);
    return noted !== undefined && noted.next === next && noted.before === previous ? noted.appended : undefined;
  }
  const noted = members.get(next);
  if (noted === undefined || key === undefined || typeof previous !== 'object') return undefined;
  const growth = noted instanceof Map ? noted.get(key) : noted.key === key ? noted : undefined;
  return growth !== undefined && growth.before === (previous as Record<string | number, unknown>)[key] ? growth.appended : undefined;
}

// The same stream's note on `before` is spent once `next` is published: drop it, keep at most MAX_ROOT_NOTES.
function noteRootGrowth(next: string, before: string, appended: string): void {
  forgetStringGrowth(before);
  roots.delete(next.length); // set again below as the newest
  roots.set(next.length, { next, before, appended });
  if (roots.size > MAX_ROOT_NOTES) roots.delete(roots.keys().next().value as number);
}
