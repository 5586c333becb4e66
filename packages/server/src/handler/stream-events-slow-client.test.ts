import { createFolder, Runnable, snapshot, type Aggregation, type RunContext, type RunEvent } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';
import { jsonParser } from '@rivulet/parsers';
import { parseSse, readAsItComes } from '@rivulet/test-kit';
import { finalize, from, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { EventDecoder } from '../client/event-decoder.js';
import type { WireRunEvent } from '../client/wire-run-event.js';
import { createHandler } from '../index.js';
import { pieces, tripPlan } from '../test-support/documents.js';
import { perTurn } from '../test-support/per-turn.js';
import { post } from '../test-support/sse-text.js';
import { EVENTS_BEHIND_BEFORE_MERGING } from './stream-events-source.js';

interface Progress {
  readonly done: number;
  readonly title: string;
  readonly first: { readonly note: string };
}

const count = 20_000;
const first = { note: 'shared by every snapshot' };
const snapshots: Progress[] = Array.from({ length: count }, (_, i) => ({ done: i + 1, title: `step ${i + 1}`, first }));

/** A step streaming the first `length` snapshots, all at once or one per turn of the event loop; `ended` settles when it is done. */
class Snapshots extends Runnable<unknown, Progress> {
  readonly name = 'snapshots';
  readonly aggregation = snapshot<Progress>();
  ended!: Promise<void>;

  constructor(
    private readonly paced: boolean,
    private readonly length = count,
  ) {
    super();
  }

  doStream(_input: unknown, _ctx: RunContext): Observable<Progress> {
    let end!: () => void;
    this.ended = new Promise((resolve) => (end = resolve));
    const some = snapshots.slice(0, this.length);
    return (this.paced ? perTurn(some) : from(some)).pipe(finalize(() => end()));
  }
}

/** The run events a `stream_events` body stands for, snapshot chunks rebuilt from their patches. */
function decode(body: string): RunEvent[] {
  const decoder = new EventDecoder();
  return parseSse(body)
    .filter((event) => event.event === 'data')
    .map((event) => decoder.decode(JSON.parse(event.data) as WireRunEvent));
}

/** Each run's chunks folded by the rule its start announced, runs in the order they started, as JSON. */
function foldRuns(events: readonly RunEvent[]): unknown[] {
  const folds = new Map<string, ReturnType<typeof createFolder>>();
  for (const event of events) {
    if (event.type === 'start') folds.set(event.runId, createFolder(event.data.aggregate as Aggregation));
    if (event.type === 'chunk') folds.get(event.runId)?.add(event.data.chunk);
  }
  return JSON.parse(JSON.stringify([...folds.values()].map((fold) => fold.result()))) as unknown[];
}

/** Events with run ids replaced by their order of appearance, as JSON, so two runs compare. */
function comparable(events: readonly RunEvent[]): unknown[] {
  const ids = new Map<string, number>();
  const id = (runId: string): number => ids.get(runId) ?? (ids.set(runId, ids.size), ids.size - 1);
  return JSON.parse(JSON.stringify(events.map((e) => ({ ...e, runId: id(e.runId), ...(e.parentRunId !== undefined && { parentRunId: id(e.parentRunId) }) })))) as unknown[];
}

const chunks = (events: readonly RunEvent[]): RunEvent[] => events.filter((event) => event.type === 'chunk');
const streamEvents = (runnable: Runnable<unknown, unknown, unknown>): Promise<Response> => createHandler(runnable)(post('http://localhost/stream_events', { input: null }));

describe('stream_events to a client slower than the run', () => {
  it('a stalled client: the events waiting stay bounded (a run’s chunks merge), and fold to what the run gives', async () => {
    const run = new Snapshots(false);
    const stalled = await streamEvents(run);
    await run.ended; // the whole run waits in the response, since nobody read
    const events = decode(await stalled.text());
    // Nothing was written before the run ended: every event it emitted waited, at most this many of them.
    expect(events.length).toBeLessThanOrEqual(EVENTS_BEHIND_BEFORE_MERGING + 2);
    expect(events.map((e) => e.type)).toEqual(['start', ...Array<string>(events.length - 2).fill('chunk'), 'end']);
    expect(foldRuns(events)).toEqual([snapshots.at(-1)]);
    // The merged chunk went out as one patch from the last chunk sent, and rebuilt the last snapshot.
    expect(chunks(events).at(-1)?.data).toEqual({ chunk: snapshots.at(-1) });
    expect(events.at(-1)?.data).toEqual({ output: snapshots.at(-1) });
  });

  it('a client that keeps up: every event, as the served runnable’s streamEvents gives them', async () => {
    const length = 4 * EVENTS_BEHIND_BEFORE_MERGING;
    const events = decode(await readAsItComes(await streamEvents(new Snapshots(true, length))));
    expect(chunks(events)).toHaveLength(length);
    expect(comparable(events)).toEqual(comparable(await collect(new Snapshots(true, length).streamEvents(null))));
  });

  it('a client that stops reading midway, then reads on: every event before the stall, then a bounded number that fold to the same', async () => {
    const run = new Snapshots(true);
    const reader = (await streamEvents(run)).body!.getReader();
    const text = new TextDecoder();
    let before = '';
    while (parseSse(before).length < 100) before += text.decode((await reader.read()).value, { stream: true });
    await run.ended; // 20,000 turns of the event loop while the client reads nothing
    let after = '';
    for (let read = await reader.read(); !read.done; read = await reader.read()) after += text.decode(read.value, { stream: true });
    const events = decode(before + after);
    // The first events came one by one; after the stall: what the body held (16 KB), then what waited, merged.
    expect(chunks(decode(before)).map((e) => e.data)).toEqual(snapshots.slice(0, chunks(decode(before)).length).map((chunk) => ({ chunk })));
    expect(parseSse(after).length).toBeLessThan(EVENTS_BEHIND_BEFORE_MERGING + 16 * 1024 / 40);
    expect(events.length).toBeLessThan(count / 10);
    expect(foldRuns(events)).toEqual([snapshots.at(-1)]);
    expect(events.at(-1)?.data).toEqual({ output: snapshots.at(-1) });
  });

  it('runs whose chunks interleave (a model, the parser after it, the sequence around them) merge only between their turns, each folding to the same', async () => {
    const document = tripPlan(60);
    const make = () => fakeRunnable(pieces(JSON.stringify(document), 1)).pipe(jsonParser());
    const local = await collect(make().streamEvents(null));
    expect(chunks(local).length).toBeGreaterThan(3 * EVENTS_BEHIND_BEFORE_MERGING);
    const events = decode(await (await streamEvents(make())).text());
    expect(foldRuns(events)).toEqual(foldRuns(local));
    expect(foldRuns(events)).toEqual([document, JSON.stringify(document), document]);
    expect(events.filter((e) => e.type !== 'chunk').map((e) => e.type)).toEqual(local.filter((e) => e.type !== 'chunk').map((e) => e.type));
    // The model's pieces that did not change the parsed value (inside keys, between tokens) merged; the rest interleave.
    expect(chunks(events).length).toBeLessThan(chunks(local).length);
    // Up to the bound, the events went out as the run emitted them.
    expect(comparable(events).slice(0, EVENTS_BEHIND_BEFORE_MERGING - 1)).toEqual(comparable(local).slice(0, EVENTS_BEHIND_BEFORE_MERGING - 1));
  });

  it('an event that cannot be serialized when its turn comes ends the stream with `error` and `end`, the events before it sent', async () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const response = await streamEvents(fakeRunnable([{ ok: 1 }, circular, { ok: 2 }]));
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toEqual(['metadata', 'data', 'data', 'error', 'end']);
    expect(events.slice(1, 3).map((e) => (JSON.parse(e.data) as WireRunEvent).type)).toEqual(['start', 'chunk']);
  });

  it('events wait as the bytes they will be sent: each is encoded once nothing can merge into it, not when it is written', async () => {
    let encoded = 0;
    const text = 'x'.repeat(1024);
    const items = Array.from({ length: 50 }, (_, i) => ({ toJSON: () => (encoded++, { item: i, text }) }));
    const stalled = await streamEvents(fakeRunnable(items, { aggregate: { kind: 'items' } }));
    // Nobody read, and the run is over: the body took its 16 KB, and the rest of the 50 chunks and the run's end
    // (the 50 again) wait, encoded already.
    expect(encoded).toBe(100);
    const events = decode(await stalled.text());
    expect(encoded).toBe(100); // not again when written
    expect(chunks(events).map((e) => e.data)).toEqual(items.map((_, i) => ({ chunk: { item: i, text } })));
  });
});
