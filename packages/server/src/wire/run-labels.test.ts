import type { RunEvent } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorToJSON } from './error-to-json.js';
import { eventFromWire } from '../client/event-from-wire.js';
import { LabelBook, type RunLabels } from '../client/run-labels.js';
import type { WireRunEvent } from '../client/wire-run-event.js';
import { eventToWire } from './event-to-wire.js';

/** How a generated event's labels relate to those of its run or parent: the same objects, equal copies, or new ones. */
type LabelMode = 'same' | 'copy' | 'changed';

interface Step {
  readonly op: 'start' | 'chunk' | 'end' | 'error';
  readonly pick: number;
  readonly mode: LabelMode;
  readonly labels: RunLabels;
  readonly orphan: boolean;
}

const labels: fc.Arbitrary<RunLabels> = fc.record({
  name: fc.constantFrom('', 'seq', 'model', 'parser'),
  tags: fc.array(fc.constantFrom('a', 'b', 'web', ''), { maxLength: 3 }),
  metadata: fc.dictionary(fc.constantFrom('k', 'l', 'user', '__proto__'), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxKeys: 3 }),
});

const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.record({
    op: fc.constantFrom('start', 'start', 'chunk', 'chunk', 'end', 'error'),
    pick: fc.nat(),
    mode: fc.constantFrom<LabelMode>('same', 'same', 'copy', 'changed'),
    labels,
    orphan: fc.boolean(),
  }),
  { maxLength: 60 },
);

function variant(base: RunLabels, step: Step): RunLabels {
  if (step.mode === 'same') return base;
  if (step.mode === 'copy') return { name: base.name, tags: [...base.tags], metadata: { ...base.metadata } };
  return step.labels;
}

/** Any sequence of run events: nested runs that keep, copy or change their labels, chunks, ends and errors in any order. */
function eventsOf(script: Step[]): RunEvent[] {
  const open: { runId: string; labels: RunLabels }[] = [];
  const events: RunEvent[] = [];
  let next = 0;
  for (const step of script) {
    const run = open.length === 0 ? undefined : open[step.pick % open.length];
    if (step.op === 'start' || run === undefined) {
      const runId = `r${next++}`;
      const parentRunId = step.orphan ? (run === undefined ? undefined : 'unknown') : run?.runId;
      const own = variant(run?.labels ?? step.labels, step);
      open.push({ runId, labels: own });
      events.push({ type: 'start', runId, ...(parentRunId !== undefined && { parentRunId }), ...own, data: { input: step.pick, aggregate: { kind: 'delta' } } });
      continue;
    }
    const own = variant(run.labels, step);
    if (step.op === 'chunk') events.push({ type: 'chunk', runId: run.runId, ...own, data: { chunk: step.pick } });
    else {
      open.splice(open.indexOf(run), 1);
      if (step.op === 'end') events.push({ type: 'end', runId: run.runId, ...own, data: { output: step.pick } });
      else events.push({ type: 'error', runId: run.runId, ...own, data: { error: new RangeError(`failed ${step.pick}`) } });
    }
  }
  return events;
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function send(events: RunEvent[]): WireRunEvent[] {
  const book = new LabelBook();
  return events.map((event) => json(eventToWire(event, book, false)) as WireRunEvent);
}

function receive(wire: WireRunEvent[]): RunEvent[] {
  const book = new LabelBook();
  return wire.map((event) => eventFromWire(event, book));
}

describe('run labels on the stream_events wire', () => {
  it('come back exactly as sent, for any sequence of events', () => {
    fc.assert(
      fc.property(steps, (script) => {
        const events = eventsOf(script);
        const expected = events.map((event) => json(event.type === 'error' ? { ...event, data: { error: errorToJSON(event.data.error, false) } } : event));
        expect(receive(send(events))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('travel once per run that changes them, never with an event that inherits them', () => {
    const metadata = { user: 'u1', blob: 'x'.repeat(1000) };
    const root = { name: 'seq', tags: ['web'], metadata };
    const child = { name: 'model', tags: root.tags, metadata };
    const tagged = { name: 'parser', tags: ['web', 'inner'], metadata };
    const events: RunEvent[] = [
      { type: 'start', runId: 'r', ...root, data: { input: 1, aggregate: { kind: 'delta' } } },
      { type: 'start', runId: 'c', parentRunId: 'r', ...child, data: { input: 1, aggregate: { kind: 'delta' } } },
      { type: 'chunk', runId: 'c', ...child, data: { chunk: 'a' } },
      { type: 'chunk', runId: 'r', ...root, data: { chunk: 'a' } },
      { type: 'end', runId: 'c', ...child, data: { output: 'a' } },
      { type: 'start', runId: 't', parentRunId: 'r', ...tagged, data: { input: 'a', aggregate: { kind: 'delta' } } },
      { type: 'end', runId: 't', ...tagged, data: { output: 'a' } },
      { type: 'end', runId: 'r', ...root, data: { output: 'a' } },
    ];
    const wire = send(events);
    expect(wire.map((event) => Object.keys(event).filter((key) => key === 'name' || key === 'tags' || key === 'metadata'))).toEqual([
      ['name', 'tags', 'metadata'],
      ['name'],
      [],
      [],
      [],
      ['name', 'tags'],
      [],
      [],
    ]);
    expect(JSON.stringify(wire).split(metadata.blob).length - 1).toBe(1);
    expect(receive(wire)).toEqual(json(events));
  });
});
