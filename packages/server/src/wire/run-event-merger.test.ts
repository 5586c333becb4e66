import { apart, type AggregationRule, type RunEvent } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { RunEventMerger } from './run-event-merger.js';

const labels = { name: 'step', tags: [], metadata: {} };
const start = (runId: string, aggregate: AggregationRule): RunEvent => ({ type: 'start', runId, ...labels, data: { aggregate } });
const chunk = (runId: string, value: unknown): RunEvent => ({ type: 'chunk', runId, ...labels, data: { chunk: value } });

/** A merger that has seen `events`, and the merge of the last two. */
function mergeLastTwo(...events: RunEvent[]): RunEvent | typeof apart {
  const merger = new RunEventMerger();
  for (const event of events) merger.note(event);
  return merger.merge(events.at(-2) as RunEvent, events.at(-1) as RunEvent);
}

describe('RunEventMerger', () => {
  it('merges two chunks of a run by its rule, with the later event’s labels', () => {
    const later = { ...chunk('r', 'lo'), tags: ['later'] };
    expect(mergeLastTwo(start('r', { kind: 'delta' }), chunk('r', 'Hel'), later)).toEqual({ ...later, data: { chunk: 'Hello' } });
    expect(mergeLastTwo(start('r', { kind: 'snapshot' }), chunk('r', { a: 1 }), chunk('r', { a: 2 }))).toEqual(chunk('r', { a: 2 }));
    expect(mergeLastTwo(start('r', { kind: 'items' }), chunk('r', 1), chunk('r', 2))).toBe(apart);
  });

  it('keeps apart what it cannot merge safely: another run’s chunk, a run it does not know, a rule it cannot apply', () => {
    expect(mergeLastTwo(start('a', { kind: 'delta' }), start('b', { kind: 'delta' }), chunk('a', 'x'), chunk('b', 'y'))).toBe(apart);
    expect(mergeLastTwo(chunk('r', 'x'), chunk('r', 'y'))).toBe(apart); // no start seen
    // A run is forgotten at its end (the merger holds the runs in flight only).
    const merger = new RunEventMerger();
    for (const event of [start('r', { kind: 'delta' }), chunk('r', 'x'), { type: 'end', runId: 'r', ...labels, data: { output: 'x' } } as const]) merger.note(event);
    expect(merger.merge(chunk('r', 'x'), chunk('r', 'y'))).toBe(apart);
    // A custom fold defined only on the server of a remote step: not in this process, so nothing to merge by.
    expect(mergeLastTwo(start('r', { kind: 'custom', name: 'elsewhere:sum' }), chunk('r', 1), chunk('r', 2))).toBe(apart);
    // A remote step's guess (`delta` until its server answers) with keyed objects: a merge would drop the first.
    expect(mergeLastTwo(start('r', { kind: 'delta' }), chunk('r', { plan: 1 }), chunk('r', { text: 'x' }))).toBe(apart);
  });
});
