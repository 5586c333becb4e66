import type { AggregationRule, RunEvent } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventDecoder } from '../client/event-decoder.js';
import type { WireRunEvent } from '../client/wire-run-event.js';
import { EventEncoder } from './event-encoder.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One change to a snapshot, as a parser makes them: somewhere down `picks`, a member set, a string grown, an element pushed, a member removed, or nothing. */
interface Edit {
  readonly kind: 'set' | 'append' | 'push' | 'remove' | 'same';
  readonly picks: readonly number[];
  readonly key: string;
  readonly value: Json;
  readonly text: string;
}

const keys = fc.constantFrom('a', 'days', 'title', '', '__proto__', 'constructor', 'x/y', 't~1', '0');
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(keys, scalar, { maxKeys: 3 }) },
);
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('set', 'set', 'append', 'append', 'push', 'remove', 'same'),
  picks: fc.array(fc.nat(), { maxLength: 4 }),
  key: keys,
  value,
  text: fc.string({ minLength: 1, maxLength: 5 }),
});

function setOwn(object: Record<string, Json>, key: string, member: Json): void {
  Object.defineProperty(object, key, { value: member, enumerable: true, writable: true, configurable: true });
}

function isObject(node: Json): node is { [key: string]: Json } {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

// The node changed by `edit` at the end of the path, as a new value (the old one untouched).
function change(node: Json, edit: Edit): Json {
  if (edit.kind === 'append' && typeof node === 'string') return node + edit.text;
  if (Array.isArray(node)) {
    if (edit.kind === 'remove') return node.slice(0, -1);
    return [...node, edit.value];
  }
  if (isObject(node)) {
    const copy: { [key: string]: Json } = {};
    for (const key of Object.keys(node)) if (!(edit.kind === 'remove' && key === edit.key)) setOwn(copy, key, node[key] as Json);
    if (edit.kind !== 'remove') setOwn(copy, edit.key, edit.value);
    return copy;
  }
  return edit.value;
}

/** The next snapshot: `doc` with one change, every container off the changed path shared with `doc`. */
function applyEdit(doc: Json, edit: Edit, depth = 0): Json {
  if (edit.kind === 'same') return doc;
  const pick = edit.picks[depth];
  const children = Array.isArray(doc) ? doc.map((_, i) => String(i)) : isObject(doc) ? Object.keys(doc) : [];
  if (pick === undefined || children.length === 0 || pick % (children.length + 1) === children.length) return change(doc, edit);
  const key = children[pick % (children.length + 1)] as string;
  if (Array.isArray(doc)) return doc.map((child, i) => (String(i) === key ? applyEdit(child, edit, depth + 1) : child));
  const copy: { [key: string]: Json } = {};
  for (const member of Object.keys(doc as object)) setOwn(copy, member, member === key ? applyEdit((doc as Record<string, Json>)[member] as Json, edit, depth + 1) : ((doc as Record<string, Json>)[member] as Json));
  return copy;
}

/** What a run streams: snapshots, keyed chunks around snapshots (nested too), or text deltas. */
const rules: readonly AggregationRule[] = [
  { kind: 'snapshot' },
  { kind: 'keyed', keys: { plan: { kind: 'snapshot' }, text: { kind: 'delta' } } },
  { kind: 'keyed', keys: { outer: { kind: 'keyed', keys: { 's/~': { kind: 'snapshot' }, a: { kind: 'delta' } } }, plan: { kind: 'snapshot' } } },
  { kind: 'delta' },
];

interface Step {
  readonly run: number;
  readonly action: 'chunk' | 'chunk' | 'end' | 'error';
  readonly edits: readonly Edit[]; // one per snapshot slot the chunk holds
  readonly present: number; // which keys a keyed chunk holds
}

const script = fc.record({
  runs: fc.array(fc.record({ rule: fc.nat({ max: rules.length - 1 }), first: value }), { minLength: 1, maxLength: 4 }),
  steps: fc.array(
    fc.record({
      run: fc.nat(),
      action: fc.constantFrom<Step['action']>('chunk', 'chunk', 'chunk', 'chunk', 'end', 'error'),
      edits: fc.array(edit, { minLength: 2, maxLength: 2 }),
      present: fc.nat({ max: 6 }),
    }),
    { maxLength: 60 },
  ),
});

type Script = typeof script extends fc.Arbitrary<infer T> ? T : never;

const labels = { name: 'step', tags: [], metadata: {} };

/** Runs started in order, then chunks, ends and errors interleaved as `steps` say; every slot's snapshots grow by edits. */
function eventsOf({ runs, steps }: Script): RunEvent[] {
  const events: RunEvent[] = [];
  const open = runs.map((run, i) => ({ runId: `r${i}`, rule: rules[run.rule] as AggregationRule, slots: [run.first, run.first] as Json[], open: true }));
  for (const run of open) events.push({ type: 'start', runId: run.runId, ...labels, data: { aggregate: run.rule } });
  for (const step of steps) {
    const run = open[step.run % open.length]!;
    if (!run.open) continue;
    if (step.action !== 'chunk') {
      run.open = false;
      if (step.action === 'end') events.push({ type: 'end', runId: run.runId, ...labels, data: { output: run.slots[0] } });
      else events.push({ type: 'error', runId: run.runId, ...labels, data: { error: new RangeError('failed') } });
      continue;
    }
    run.slots = run.slots.map((slot, i) => applyEdit(slot, step.edits[i] as Edit));
    const [first, second] = run.slots as [Json, Json];
    let chunk: unknown;
    if (run.rule.kind === 'snapshot') chunk = first;
    else if (run.rule.kind === 'delta') chunk = `piece ${step.present}`;
    else if (run.rule.kind === 'keyed' && 'text' in run.rule.keys) chunk = [{ plan: first }, { text: 'tx' }, { plan: first, text: 'ty' }, {}][step.present % 4];
    else chunk = [{ outer: { 's/~': first } }, { outer: { a: 'q', 's/~': first }, plan: second }, { plan: second }, { outer: { a: 'r' } }, { outer: {} }][step.present % 5];
    events.push({ type: 'chunk', runId: run.runId, ...labels, data: { chunk } });
  }
  return events;
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function roundTrip(events: readonly RunEvent[]): RunEvent[] {
  const encoder = new EventEncoder(false);
  const decoder = new EventDecoder();
  return events.map((event) => decoder.decode(json(encoder.encode(event)) as WireRunEvent));
}

/** Where two snapshots share a container, the rebuilt ones share theirs: at the same place, `before` and `after` hold the same object. */
function expectSharedAlike(before: unknown, after: unknown, rebuiltBefore: unknown, rebuiltAfter: unknown): void {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return;
  if (before === after) {
    expect(rebuiltAfter).toBe(rebuiltBefore);
    return;
  }
  if (Array.isArray(before) !== Array.isArray(after)) return;
  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key)) continue;
    const pick = (node: unknown): unknown => (node as Record<string, unknown>)[key];
    expectSharedAlike(pick(before), pick(after), pick(rebuiltBefore), pick(rebuiltAfter));
  }
}

describe('stream_events chunks through EventEncoder → JSON → EventDecoder', () => {
  it('come back as sent, for any snapshot sequences of interleaved runs, unchanged subtrees shared', () => {
    fc.assert(
      fc.property(script, (generated) => {
        const events = eventsOf(generated);
        const rebuilt = roundTrip(events);
        expect(rebuilt.map((e) => [e.type, e.runId])).toEqual(events.map((e) => [e.type, e.runId]));
        const last = new Map<string, { sent: unknown; rebuilt: unknown }>();
        events.forEach((event, i) => {
          const back = rebuilt[i] as RunEvent;
          if (event.type !== 'chunk' || back.type !== 'chunk') return;
          expect(back.data.chunk).toEqual(json(event.data.chunk));
          const previous = last.get(event.runId);
          if (previous !== undefined) expectSharedAlike(previous.sent, event.data.chunk, previous.rebuilt, back.data.chunk);
          last.set(event.runId, { sent: event.data.chunk, rebuilt: back.data.chunk });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('send each snapshot once, then only what changed: a repeated snapshot is an empty patch', () => {
    const day = { title: 'Alfama', activities: ['tram'] };
    const first = { days: [day] };
    const second = { days: [day, { title: 'Belém' }] };
    const encoder = new EventEncoder(false);
    const start: RunEvent = { type: 'start', runId: 'r', ...labels, data: { aggregate: { kind: 'snapshot' } } };
    const chunk = (value: unknown): RunEvent => ({ type: 'chunk', runId: 'r', ...labels, data: { chunk: value } });
    const wire = [start, chunk(first), chunk(second), chunk(second)].map((event) => encoder.encode(event).data);
    expect(wire.slice(1)).toEqual([{ patch: [{ op: 'add', path: '', value: first }] }, { patch: [{ op: 'add', path: '/days/1', value: { title: 'Belém' } }] }, { patch: [] }]);
  });

  it('forget a run at its end: memory follows the runs open, and a later run starts from nothing', () => {
    const encoder = new EventEncoder(false);
    const decoder = new EventDecoder();
    const event = (type: 'start' | 'chunk' | 'end', data: unknown): RunEvent => ({ type, runId: 'r', ...labels, data }) as RunEvent;
    const send = (e: RunEvent): unknown => decoder.decode(json(encoder.encode(e)) as WireRunEvent).data;
    send(event('start', { aggregate: { kind: 'snapshot' } }));
    expect(send(event('chunk', { chunk: { a: 1 } }))).toEqual({ chunk: { a: 1 } });
    send(event('end', { output: { a: 1 } }));
    // Nothing of the ended run is kept: a chunk under its id (no start announced snapshots) travels whole.
    expect(encoder.encode(event('chunk', { chunk: { a: 2 } })).data).toEqual({ chunk: { a: 2 } });
  });
});
