import { AIMessageChunk, CoalescingQueue, createFolder, defineAggregation, type Aggregation, type AggregationRule, type RunEvent } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunEventMerger } from './run-event-merger.js';

const total = defineAggregation<number, number>({
  name: 'test:merger-total',
  start: () => {
    let sum = 0;
    return { add: (n) => void (sum += n), result: () => sum };
  },
  merge: (a, b) => a + b,
});
const latestTwo = defineAggregation<number, number[]>({
  name: 'test:merger-latest-two', // no `merge`: its chunks never merge
  start: () => {
    const all: number[] = [];
    return { add: (n) => void all.push(n), result: () => all.slice(-2) };
  },
});

/** Each rule a step can announce, with the chunks such a step emits. */
const kinds: readonly { readonly rule: AggregationRule; readonly chunk: fc.Arbitrary<unknown> }[] = [
  { rule: { kind: 'snapshot' }, chunk: fc.dictionary(fc.constantFrom('a', 'days', '__proto__'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxKeys: 3 }) },
  { rule: { kind: 'delta' }, chunk: fc.string({ maxLength: 4 }) },
  { rule: { kind: 'delta' }, chunk: fc.string({ maxLength: 4 }).map((text) => new AIMessageChunk(text)) },
  { rule: { kind: 'delta' }, chunk: fc.array(fc.integer(), { maxLength: 3 }) },
  { rule: { kind: 'items' }, chunk: fc.integer() },
  {
    rule: { kind: 'keyed', keys: { plan: { kind: 'snapshot' }, text: { kind: 'delta' }, list: { kind: 'items' } } },
    chunk: fc.record({ plan: fc.integer(), text: fc.string({ maxLength: 3 }), list: fc.integer() }, { requiredKeys: [] }),
  },
  { rule: { kind: 'keyed', keys: { plan: { kind: 'snapshot' }, text: { kind: 'delta' } } }, chunk: fc.record({ plan: fc.integer(), text: fc.string({ maxLength: 3 }) }, { requiredKeys: [] }) },
  { rule: total, chunk: fc.integer({ min: -9, max: 9 }) },
  { rule: latestTwo, chunk: fc.integer() },
  // A remote step's guess: it says `delta` at its start, then sends keyed objects (which a delta fold would replace).
  { rule: { kind: 'delta' }, chunk: fc.record({ plan: fc.integer() }) },
];

type Move = { readonly run: number; readonly action: 'chunk' | 'close'; readonly chunk: number; readonly times: number } | { readonly read: number };

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ run: fc.nat(), action: fc.constantFrom<'chunk' | 'close'>('chunk', 'chunk', 'chunk', 'chunk', 'chunk', 'close'), chunk: fc.nat(), times: fc.nat({ max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ read: fc.nat({ max: 4 }) }) },
);

/** Runs of any kinds, each with a few chunks of its kind to draw from, and moves: a run emits (1 to 4 chunks in a row), a run closes, the reader takes some. */
const script = fc.array(fc.nat({ max: kinds.length - 1 }), { minLength: 1, maxLength: 5 }).chain((runs) =>
  fc.record({
    runs: fc.constant(runs),
    pools: fc.tuple(...runs.map((kind) => fc.array((kinds[kind] as (typeof kinds)[number]).chunk, { minLength: 1, maxLength: 6 }))),
    moves: fc.array(move, { maxLength: 120 }),
  }),
);

const labels = { tags: [], metadata: {} };

/**
 * The events of a script as a run emits them (each run started lazily, on its first move, ended at `close`),
 * and what a slow reader is handed: the same events through a coalescing queue, read `read` at a time.
 */
function play(runs: readonly number[], pools: readonly (readonly unknown[])[], moves: readonly Move[]): { emitted: RunEvent[]; read: RunEvent[] } {
  const merger = new RunEventMerger();
  const queue = new CoalescingQueue<RunEvent>((first, second) => merger.merge(first, second));
  const emitted: RunEvent[] = [];
  const read: RunEvent[] = [];
  const state = runs.map(() => 'idle' as 'idle' | 'open' | 'closed');
  const emit = (event: RunEvent): void => {
    emitted.push(event);
    merger.note(event);
    queue.push(event);
  };
  for (const move of moves) {
    if ('read' in move) {
      for (let i = 0; i < move.read && queue.size > 0; i++) read.push(queue.shift());
      continue;
    }
    const index = move.run % runs.length;
    const kind = kinds[runs[index] as number] as (typeof kinds)[number];
    const runId = `r${index}`;
    const event = { runId, name: `step${index}`, ...labels, ...(index > 0 && { parentRunId: 'r0' }) };
    if (state[index] === 'closed') continue;
    if (state[index] === 'idle') {
      state[index] = 'open';
      emit({ ...event, type: 'start', data: { aggregate: kind.rule } });
    }
    if (move.action === 'close') {
      state[index] = 'closed';
      emit(move.chunk % 2 === 0 ? { ...event, type: 'end', data: { output: null } } : { ...event, type: 'error', data: { error: new Error('failed') } });
    } else {
      const chunks = pools[index] as readonly unknown[];
      for (let i = 0; i <= move.times; i++) emit({ ...event, type: 'chunk', data: { chunk: chunks[(move.chunk + i) % chunks.length] } });
    }
  }
  while (queue.size > 0) read.push(queue.shift());
  return { emitted, read };
}

/** Each run's chunks folded by the rule its start announced; message chunks as their text. */
function foldPerRun(events: readonly RunEvent[]): Map<string, unknown> {
  const folds = new Map<string, ReturnType<typeof createFolder>>();
  for (const event of events) {
    if (event.type === 'start') folds.set(event.runId, createFolder(event.data.aggregate as Aggregation));
    if (event.type === 'chunk') folds.get(event.runId)?.add(event.data.chunk);
  }
  return new Map([...folds].map(([runId, fold]) => [runId, plain(fold.result())]));
}

const plain = (value: unknown): unknown => (value instanceof AIMessageChunk ? { message: value.text } : value);
const notChunks = (events: readonly RunEvent[]): string[] => events.filter((e) => e.type !== 'chunk').map((e) => `${e.type}:${e.runId}`);

describe('stream_events chunks merged while they wait for a slow client', () => {
  it('fold, run by run, to the values the events fold to unmerged; other events keep their order, and nothing moves across them', () => {
    let merged = 0;
    fc.assert(
      fc.property(script, ({ runs, pools, moves }) => {
        const { emitted, read } = play(runs, pools, moves);
        merged += emitted.length - read.length;
        expect(foldPerRun(read)).toEqual(foldPerRun(emitted));
        expect(notChunks(read)).toEqual(notChunks(emitted));
        // Between two events that are not chunks, a reader gets the same runs' chunks in the same order,
        // with each merged one standing for a run of consecutive chunks of one run.
        const segments = (events: readonly RunEvent[]): string[][] => {
          const all: string[][] = [[]];
          for (const e of events) {
            if (e.type === 'chunk') {
              const segment = all.at(-1) as string[];
              if (segment.at(-1) !== e.runId || !mergeable(e.runId)) segment.push(e.runId);
            } else all.push([]);
          }
          return all;
        };
        const mergeable = (runId: string): boolean => {
          const kind = kinds[runs[Number(runId.slice(1))] as number] as (typeof kinds)[number];
          return kind.rule.kind !== 'items' && kind.rule !== latestTwo && !(kind.rule.kind === 'delta' && isKeyedGuess(kind));
        };
        expect(segments(read)).toEqual(segments(emitted));
        expect(read.length).toBeLessThanOrEqual(emitted.length);
      }),
      { numRuns: 500 },
    );
    expect(merged).toBeGreaterThan(1_000); // the scripts do make chunks wait together
  });
});

// The `delta` kind whose chunks are objects with no `concat`: they stay apart, as items would.
function isKeyedGuess(kind: (typeof kinds)[number]): boolean {
  return kind === kinds[kinds.length - 1];
}
