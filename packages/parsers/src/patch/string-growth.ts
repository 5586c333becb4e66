// Dependency-free on purpose: part of the `@rivulet/parsers/patch` entry.

/** What the snapshot layer knows about one string of a snapshot's container: the text it gained. */
interface StringGrowth {
  readonly previous: object; // the same container in the snapshot before
  readonly key: string | number; // where the string sits in both
  readonly appended: string; // what it gained since
}

const growths = new WeakMap<object, StringGrowth>();

/**
 * Notes that in snapshot container `next`, the string at `key` is the one at
 * `key` of `previous` (the same container in the snapshot before) with
 * `appended` after it. Snapshot layers call it for the open string they
 * publish; {@link appendedSince} reads it.
 */
export function noteStringGrowth(next: object, previous: object, key: string | number, appended: string): void {
  growths.set(next, { previous, key, appended });
}

/**
 * The text appended to the string at `key` between container `previous` and
 * its next snapshot `next`, when the snapshot layer noted it; `undefined`
 * when it did not (compare the strings then). It lets a consumer that diffs
 * snapshots (the server's patch encoder) send a growing string's new text
 * without comparing the whole string again per snapshot, which is quadratic
 * for one huge string.
 *
 * @example
 * ```ts
 * const text = appendedSince(before, after, 'answer');
 * if (text !== undefined) ops.push({ op: 'append', path: '/answer', value: text });
 * ```
 */
export function appendedSince(previous: object, next: object, key: string | number): string | undefined {
  const growth = growths.get(next);
  return growth !== undefined && growth.previous === previous && growth.key === key ? growth.appended : undefined;
}
