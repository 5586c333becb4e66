import { fakeRunnable } from '@rivulet/core/testing';
import { isDeepStrictEqual } from 'node:util';
import { map, merge, timer, type Observable, type OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonParser, PartialJsonParser, MAX_HOLD_MS, QUIET_PERIOD_MS, SnapshotObserver, structuredParser } from '../index.js';
import { expectSameJson } from '../test-support/same-json.js';

// A wide array, so the copy budget holds changes back: 400 numbers, 4-character chunks.
const text = `[${Array.from({ length: 400 }, (_, i) => 100 + ((i * 37) % 900)).join(', ')}]`;
const chunks: string[] = [];
for (let i = 0; i < text.length; i += 4) chunks.push(text.slice(i, i + 4));
const final = JSON.parse(text) as unknown;

/** After each chunk, as jsonParser sees it: is a change held back, and the value so far. */
function heldAfterEachChunk(): { held: boolean; value: unknown }[] {
  const snapshots = new SnapshotObserver();
  const parser = new PartialJsonParser({ observers: [snapshots] });
  return chunks.map((chunk) => {
    parser.push(chunk);
    snapshots.advance(chunk.length);
    if (snapshots.due) snapshots.publish();
    return { held: snapshots.changed, value: structuredClone(parser.value) };
  });
}
const states = heldAfterEachChunk();

interface Seen {
  readonly at: number;
  readonly value: unknown;
}

/** Runs `stream` in virtual time: every chunk with the virtual time it came at, and when it completed. */
function inVirtualTime(stream: (scheduler: TestScheduler) => Observable<unknown>): { seen: Seen[]; completedAt: number } {
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  const seen: Seen[] = [];
  let completedAt = -1;
  scheduler.run(({ flush }) => {
    stream(scheduler).subscribe({ next: (value) => seen.push({ at: scheduler.now(), value }), complete: () => (completedAt = scheduler.now()) });
    flush();
  });
  return { seen, completedAt };
}

const parsers: readonly (readonly [string, () => OperatorFunction<string, unknown>])[] = [
  ['jsonParser', () => jsonParser().asOperator()],
  ['structuredParser', () => structuredParser(z.array(z.number())).asOperator()],
];

describe('a change held back by the copy budget', () => {
  it('the budget holds changes back on this document (fewer snapshots than changes)', () => {
    expect(states.filter((s) => s.held).length).toBeGreaterThan(chunks.length / 2);
    expect(QUIET_PERIOD_MS).toBe(25);
  });

  it.each(parsers)('%s: goes out within 25–50 ms after the input pauses, and the end goes out at once', (_name, parser) => {
    // Chunks 1 ms apart, then a pause of 100 ms after a chunk whose change is held, then the rest.
    const pauseAfter = states.findIndex((s, i) => i >= chunks.length / 2 && s.held);
    expect(pauseAfter).toBeGreaterThan(0);
    const arrival = (i: number): number => (i <= pauseAfter ? i : i + 100);
    const input = merge(...chunks.map((chunk, i) => timer(arrival(i)).pipe(map(() => chunk))));
    const { seen, completedAt } = inVirtualTime(() => input.pipe(parser()));

    const pausedAt = arrival(pauseAfter);
    const held = states[pauseAfter]!.value;
    const before = seen.filter((s) => s.at <= pausedAt);
    expect(isDeepStrictEqual(before[before.length - 1]!.value, held)).toBe(false); // really held back
    // During the pause: exactly one chunk, one or two quiet periods after the last input (the timer
    // checks once per period whether input came), with the held change.
    const during = seen.filter((s) => s.at > pausedAt && s.at < arrival(pauseAfter + 1));
    expect(during).toHaveLength(1);
    expect(during[0]!.at).toBeGreaterThanOrEqual(pausedAt + QUIET_PERIOD_MS);
    expect(during[0]!.at).toBeLessThanOrEqual(pausedAt + 2 * QUIET_PERIOD_MS);
    expectSameJson(during[0]!.value, held);
    // The end: the final value at the instant the input completes.
    const lastArrival = arrival(chunks.length - 1);
    expect(completedAt).toBe(lastArrival);
    expect(seen[seen.length - 1]!.at).toBe(lastArrival);
    expectSameJson(seen[seen.length - 1]!.value, final);
    expect(seen.length).toBeLessThan(chunks.length);
  });

  it.each(parsers)('%s: input that never pauses gets held changes every MAX_HOLD_MS or so, and the last at the end', (_name, parser) => {
    expect(states[states.length - 1]!.held).toBe(true); // the last chunk's change is held: only the end brings it
    const { seen, completedAt } = inVirtualTime(() => fakeRunnable(chunks, { delayMs: 10 }).stream('q').pipe(parser()));
    const end = 10 * chunks.length;
    expect(completedAt).toBe(end);
    // Changes were held longer than a quiet period (the input never paused), but never much longer than MAX_HOLD_MS.
    const gaps = seen.slice(1).map((s, i) => s.at - seen[i]!.at);
    expect(Math.max(...gaps)).toBeGreaterThan(QUIET_PERIOD_MS);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_HOLD_MS + QUIET_PERIOD_MS + 10);
    expect(seen[seen.length - 1]!.at).toBe(end);
    expectSameJson(seen[seen.length - 1]!.value, final);
    expect(seen.length).toBeLessThan(chunks.length);
  });
});
