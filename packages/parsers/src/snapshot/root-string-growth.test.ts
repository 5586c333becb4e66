import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartialJsonParser, SnapshotObserver } from '../index.js';
import { appendedSince } from '../patch/index.js';
import { split } from '../test-support/json-arbitraries.js';

function observed(): { parser: PartialJsonParser; snapshots: SnapshotObserver } {
  const snapshots = new SnapshotObserver();
  return { parser: new PartialJsonParser({ observers: [snapshots] }), snapshots };
}

describe('SnapshotObserver: the growth of a top-level string', () => {
  it('keeps no note of a string once it completed: each note is dropped by the next one, the last at the end', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 200, maxLength: 900 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (text, sizes) => {
        const { parser, snapshots } = observed();
        const published: unknown[] = [];
        for (const chunk of split(JSON.stringify(text), sizes)) {
          parser.push(chunk);
          if (snapshots.changed) published.push(snapshots.publish());
        }
        parser.end();
        if (snapshots.changed) published.push(snapshots.publish());
        expect(published.at(-1)).toBe(text);
        for (let i = 1; i < published.length; i++) expect(appendedSince(published[i - 1] as string, published[i] as string)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('notes what the open string gained between two snapshots, each note checked as it is published', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 300, maxLength: 900 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (text, sizes) => {
        const { parser, snapshots } = observed();
        let previous: unknown;
        let noted = 0;
        for (const chunk of split(JSON.stringify(text), sizes)) {
          parser.push(chunk);
          if (!snapshots.changed) continue;
          const next = snapshots.publish();
          if (typeof previous === 'string' && typeof next === 'string') {
            const appended = appendedSince(previous, next);
            if (appended !== undefined) {
              noted++;
              expect(next === previous + appended).toBe(true);
            } else {
              // Not noted: short, or the completed string (the parser's own, compared once).
              expect(next.length <= 256 || next === text).toBe(true);
            }
          }
          previous = next;
        }
        expect(noted).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('drops its last note when the string completes, so nothing of it is kept', () => {
    const { parser, snapshots } = observed();
    parser.push(`"${'a'.repeat(300)}`);
    const first = snapshots.publish() as string;
    parser.push('bc');
    const second = snapshots.publish() as string;
    expect(appendedSince(first, second)).toBe('bc');
    parser.push('d"');
    parser.end();
    expect(snapshots.publish()).toBe(`${'a'.repeat(300)}bcd`);
    expect(appendedSince(first, second)).toBeUndefined();
  });
});
