import { createFolder, keyed, delta, snapshot, items, type Aggregation, type AggregationRule } from '@rivulet/core';
import fc from 'fast-check';
import { asyncScheduler, scheduled } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { readRunEvents } from '../client/read-run-stream.js';
import { RunStreamState } from '../client/run-stream-state.js';
import { formatSseEvent, type SseEvent } from '../sse/sse-event.js';
import { catchUp } from './catch-up.js';
import { InMemoryStreamStore } from './in-memory-stream-store.js';
import { startResumableRun } from './start-resumable-run.js';
import { fromStoredEvent } from './stored-event.js';
import type { StoredStreamEvent } from './stream-store.js';

const rule = keyed({ text: delta<string>(), plan: snapshot<unknown>(), item: items<number>() });

/**
 * Runs `chunks` through the producer of resumable runs, one per macrotask (so
 * none coalesce while an append is in flight); resolves with its metadata and
 * every stored event once it finished.
 */
async function storedRun(chunks: readonly unknown[], aggregation: AggregationRule = rule): Promise<{ metadata: string; events: StoredStreamEvent[] }> {
  const store = new InMemoryStreamStore();
  const run = await startResumableRun(store, aggregation, () => scheduled(chunks, asyncScheduler), false);
  const events: StoredStreamEvent[] = [];
  for await (const batch of store.read(run.runId)) events.push(...batch);
  return { metadata: run.metadata, events };
}

function body(metadata: string, events: readonly SseEvent[]): Response {
  return new Response(`: stream\n\n${formatSseEvent({ event: 'metadata', data: metadata })}${events.map(formatSseEvent).join('')}`);
}

/** What a client rebuilds from `response` into `state`; `cut` tells whether the response broke before `end`. */
async function read(response: Response, state: RunStreamState, into: unknown[]): Promise<{ cut: boolean }> {
  try {
    for await (const item of readRunEvents(response, state)) if (item.type !== 'metadata') into.push(item.value);
    return { cut: false };
  } catch (error) {
    if ((error as Error).name !== 'BrokenStream') throw error;
    return { cut: true };
  }
}

function fold(aggregation: AggregationRule, chunks: readonly unknown[]): unknown {
  const folder = createFolder(aggregation as Aggregation);
  for (const chunk of chunks) folder.add(chunk);
  return folder.result();
}

/** `value` as the wire carries it: JSON (a -0 arrives as 0). */
const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const lastId = (state: RunStreamState): number => Number(state.lastEventId ?? 0);

const keyedChunk = fc.oneof(
  fc.record({ text: fc.string() }),
  fc.record({ plan: fc.jsonValue() }),
  fc.record({ item: fc.integer() }),
  fc.record({ text: fc.string(), item: fc.integer() }),
  fc.record({ text: fc.string(), plan: fc.jsonValue() }),
);

describe('catchUp', () => {
  it('gives a client cut anywhere, even inside a catch-up, exactly the output of the run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(keyedChunk, { maxLength: 12 }), fc.nat(), fc.nat(), async (chunks, cutAt, cutInCatchUp) => {
        const { metadata, events } = await storedRun(chunks);
        const state = new RunStreamState();
        const seen: unknown[] = [];
        // First connection: the events one by one, as they were written live, cut after `k`.
        const k = cutAt % (events.length + 1);
        const live = events.slice(0, k).map((stored) => fromStoredEvent(stored.data, stored.id));
        let { cut } = await read(body(metadata, live), state, seen);
        if (cut) {
          // Second: a catch-up, cut after some of its events.
          const second = catchUp(rule, events, lastId(state));
          ({ cut } = await read(body(metadata, second.slice(0, cutInCatchUp % (second.length + 1))), state, seen));
        }
        // Third, if needed: the catch-up from where the client got to.
        if (cut) expect(await read(body(metadata, catchUp(rule, events, lastId(state))), state, seen)).toEqual({ cut: false });
        expect(fold(rule, seen)).toEqual(asJson(fold(rule, chunks)));
      }),
      { numRuns: 300 },
    );
  });

  it('folds what the client missed into one event per kind, not a replay', async () => {
    const text = Array.from({ length: 50 }, (_, i) => ({ text: `w${i} ` }));
    const plans = Array.from({ length: 50 }, (_, i) => ({ plan: { days: Array.from({ length: i + 1 }, (_, d) => `day ${d}`) } }));
    const { events } = await storedRun([...text, ...plans]);
    expect(events.length).toBeGreaterThan(100); // 50 data, 50 patches, end
    const frames = catchUp(rule, events, 0);
    expect(frames.map((frame) => frame.event)).toEqual(['patch', 'data', 'end']);
    expect(JSON.parse(frames[0]!.data)).toEqual([{ op: 'add', path: '/plan', value: plans.at(-1)!.plan }]);
    expect(JSON.parse(frames[1]!.data)).toEqual({ text: text.map((chunk) => chunk.text).join('') });
    expect(frames.map((frame) => frame.id)).toEqual([undefined, 50, events.at(-1)!.id]);
  });

  it('sends only what came after Last-Event-ID: later text, and the whole of a snapshot that changed since', async () => {
    const { events } = await storedRun([{ text: 'a' }, { plan: { n: 1 } }, { text: 'b' }, { text: 'c' }]);
    const frames = catchUp(rule, events, 2); // the client has 'a' and the first plan
    expect(frames.map((frame) => [frame.event, frame.data])).toEqual([
      ['data', '{"text":"bc"}'],
      ['end', '{}'],
    ]);
    expect(catchUp(rule, events, events.at(-1)!.id)).toEqual([]);
  });

  it('keeps items apart (each is information), each with the id of its own event', async () => {
    const aggregation = items<number>();
    const { events } = await storedRun([1, 2, 3], aggregation);
    const frames = catchUp(aggregation, events, 1);
    expect(frames.map((frame) => [frame.event, frame.data, frame.id])).toEqual([
      ['data', '2', 2],
      ['data', '3', 3],
      ['end', '{}', 4],
    ]);
  });
});
