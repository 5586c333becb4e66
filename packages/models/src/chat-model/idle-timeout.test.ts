import { TimeoutError } from '@rivulet/core';
import fc from 'fast-check';
import { concat, map, timer, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { IDLE_CHECKS_PER_TIMEOUT, idleTimeout } from './idle-timeout.js';

const MS = 80;
const STEP = MS / IDLE_CHECKS_PER_TIMEOUT;

interface Outcome {
  readonly values: number[];
  readonly end: { readonly at: number; readonly error?: unknown };
}

/** Values `0, 1, …` after each of `gaps` (virtual ms), then completion, through `idleTimeout(MS)`. */
function play(gaps: readonly number[]): Outcome {
  const values: number[] = [];
  let end: Outcome['end'] | undefined;
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  scheduler.run(() => {
    const source: Observable<number> = concat(...gaps.map((gap, i) => timer(gap).pipe(map(() => i))));
    source.pipe(idleTimeout(MS)).subscribe({
      next: () => values.push(scheduler.now()),
      error: (error: unknown) => (end = { at: scheduler.now(), error }),
      complete: () => (end = { at: scheduler.now() }),
    });
  });
  return { values, end: end! };
}

describe('idleTimeout', () => {
  it('fails a silence of MS, never a shorter one, and notices it within MS / 8', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MS + 2 * STEP }), { maxLength: 30 }), (gaps) => {
        const { values, end } = play(gaps);
        // A gap of exactly MS + STEP ties with the check that would fail it; the value wins the tie.
        const firstLong = gaps.findIndex((gap) => gap > MS + STEP);
        const lastValueAt = values.at(-1) ?? 0;
        if (end.error === undefined) {
          // Completed: every value came, and no silence noticeably longer than MS.
          expect(values).toHaveLength(gaps.length);
          expect(firstLong).toBe(-1);
          return;
        }
        expect(end.error).toEqual(new TimeoutError({ timeoutMs: MS, kind: 'idle' }));
        const silence = end.at - lastValueAt;
        expect(silence).toBeGreaterThanOrEqual(MS);
        expect(silence).toBeLessThanOrEqual(MS + STEP);
        // A silence before the first value is measured exactly.
        if (values.length === 0) expect(end.at).toBe(MS);
        // What failed was a silence of at least MS, after every shorter one passed.
        expect(gaps[values.length]).toBeGreaterThanOrEqual(MS);
        expect(gaps.slice(0, values.length).every((gap) => gap <= MS + STEP)).toBe(true);
      }),
      // The tie: a value at 0, the next one exactly MS + STEP later, when the check would fail it.
      { numRuns: 500, examples: [[[0, MS + STEP]], [[MS + STEP]]] },
    );
  });

  it('lets a steady source run as long as it likes', () => {
    const { values, end } = play(Array.from({ length: 1_000 }, () => MS - 1));
    expect([values.length, end]).toEqual([1_000, { at: 1_000 * (MS - 1) }]);
  });
});
