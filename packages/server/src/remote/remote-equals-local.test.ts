import { assign, branch, defineAggregation, lambda, parallel, passthrough, pick, sequence, type AIMessageChunk, type Runnable, type RunEvent } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';
import { FakeChatModel } from '@rivulet/models/testing';
import { elementsParser, jsonParser, listParser, structuredParser, textParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandler, RemoteRunnable } from '../index.js';
import { pieces, tripPlan } from '../test-support/documents.js';
import { serve, type TestServer } from '../test-support/serve.js';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

const plan = tripPlan(3);
const planText = JSON.stringify(plan);
const Plan = z.object({ destination: z.string(), days: z.array(z.object({ day: z.number(), title: z.string(), activities: z.array(z.string()) })) });
const text = (...chunks: string[]) => fakeRunnable(chunks);
const model = () => new FakeChatModel(planText, { chunkSize: 7 });
const total = defineAggregation<number, number>({
  name: 'test:total',
  start: () => {
    let sum = 0;
    return { add: (n) => void (sum += n), result: () => sum };
  },
  merge: (a, b) => a + b,
});

// Every kind of runnable in the repository: each aggregates differently, and the wire must say how.
// Inputs are checked at run time: each case pairs a runnable with an input it accepts.
const cases: [string, () => Runnable<never, unknown, unknown>, unknown][] = [
  ['text deltas', () => text('Hel', 'lo'), 'x'],
  ['message chunks from a model', () => model(), 'Plan a trip'],
  ['prompt → model → text parser', () => promptTemplate('About {topic}').pipe(model()).pipe(textParser()), { topic: 'Porto' }],
  ['snapshots (jsonParser)', () => text(...pieces(planText, 5)).pipe(jsonParser()), 'x'],
  ['structured output', () => model().withStructuredOutput(Plan), 'x'],
  ['structured output with includeRaw', () => model().withStructuredOutput(Plan, { includeRaw: true }), 'x'],
  ['structuredParser', () => text(...pieces(planText, 3)).pipe(structuredParser(Plan)), 'x'],
  ['elements', () => text(...pieces(JSON.stringify((plan as { days: unknown[] }).days), 4)).pipe(elementsParser(Plan.shape.days.element)), 'x'],
  ['list items', () => text('red, gr', 'een, blue').pipe(listParser()), 'x'],
  ['parallel of text', () => parallel({ a: text('Hel', 'lo'), b: text('Wor', 'ld') }), 'x'],
  ['parallel of a model and a snapshot stream', () => parallel({ raw: model(), plan: text(...pieces(planText, 6)).pipe(jsonParser()) }), 'x'],
  [
    'nested parallel',
    () => parallel({ outer: parallel({ a: text('a', 'b'), s: text(...pieces(planText, 8)).pipe(jsonParser()) }), items: text('x, y').pipe(listParser()) }),
    'x',
  ],
  ['keys that need escaping in a pointer', () => parallel({ 'a/b~c': text(...pieces(planText, 9)).pipe(jsonParser()), t: text('x') }), 'x'],
  ['assign', () => assign({ size: (input: { text: string }) => input.text.length, echo: text('e', 'cho') }), { text: 'abc' }],
  ['pick from parallel', () => parallel({ a: text('Hel', 'lo'), b: text('x') }).pipe(pick('a')), 'x'],
  ['passthrough', () => text('pa', 'ss').pipe(passthrough()), 'x'],
  ['branch', () => branch<string, string>([(s) => s.length > 3, text('long')], text('sh', 'ort')), 'xy'],
  ['a function', () => lambda((s: string) => s.length), 'four'],
  ['a custom fold', () => fakeRunnable([1, 2, 3], { aggregate: total }), 'x'],
];

async function remoteOf(runnable: Runnable<never, unknown, unknown>): Promise<RemoteRunnable<never>> {
  const server = await serve(createHandler(runnable));
  servers.push(server);
  return new RemoteRunnable<never>({ url: server.url });
}

describe('remote.invoke(x) deep-equals the served runnable’s invoke(x)', () => {
  it.each(cases)('%s', async (_, make, input) => {
    const local = await make().invoke(input as never);
    const remote = await remoteOf(make());
    expect(await remote.invoke(input as never)).toEqual(local);
    // The stream folds to the same value too, and the remote learned the served rule.
    expect(remote.outputAggregation()).toEqual(make().outputAggregation());
    expect(await collect(remote.stream(input as never))).not.toHaveLength(0);
    expect(await remote.pipe(lambda((value: unknown) => value)).invoke(input as never)).toEqual(local);
  });

  it('keeps message chunks as messages inside keyed chunks', async () => {
    const remote = await remoteOf(parallel({ raw: model(), n: text('1') }));
    const out = (await remote.invoke('x' as never)) as { raw: AIMessageChunk };
    expect(out.raw.text).toBe(planText);
  });

  it('streams the same events over stream_events', async () => {
    const served = parallel({ a: text('Hel', 'lo'), b: text('x') });
    const remote = await remoteOf(served);
    const shape = (events: { type: string; name: string }[]) => events.map((e) => `${e.type}:${e.name}`);
    expect(shape(await collect(remote.streamRemoteEvents('x' as never)))).toEqual(shape(await collect(served.streamEvents('x'))));
  });
});

/** Events with run ids replaced by their order of appearance, as JSON (what the wire can carry), so two runs compare. */
function comparable(events: readonly RunEvent[]): unknown[] {
  const ids = new Map<string, number>();
  const id = (runId: string): number => ids.get(runId) ?? (ids.set(runId, ids.size), ids.size - 1);
  return JSON.parse(JSON.stringify(events.map((e) => ({ ...e, runId: id(e.runId), ...(e.parentRunId !== undefined && { parentRunId: id(e.parentRunId) }) })))) as unknown[];
}

// Snapshot steps alone, keyed around other steps, nested in sequences, behind a remote step: every chunk event must come back whole.
const eventCases: [string, () => Runnable<never, unknown, unknown>, unknown][] = [
  ['a snapshot step', () => text(...pieces(planText, 5)).pipe(jsonParser()), 'x'],
  ['structuredParser', () => text(...pieces(planText, 3)).pipe(structuredParser(Plan)), 'x'],
  ['structured output with includeRaw', () => model().withStructuredOutput(Plan, { includeRaw: true }), 'x'],
  ['a keyed step around a snapshot one', () => parallel({ plan: text(...pieces(planText, 6)).pipe(jsonParser()), text: text('Hel', 'lo') }), 'x'],
  [
    'nested keyed steps, keys that need escaping',
    () => parallel({ outer: parallel({ 'a/b~c': text(...pieces(planText, 8)).pipe(jsonParser()), t: text('a', 'b') }), items: text('x, y').pipe(listParser()) }),
    'x',
  ],
  [
    'nested sequences',
    () => sequence(lambda((s: string) => s), sequence(text(...pieces(planText, 4)), jsonParser(), passthrough()), lambda((plan: unknown) => plan)),
    'x',
  ],
  ['assign around a snapshot step', () => assign({ plan: text(...pieces(planText, 7)).pipe(jsonParser()) }), { topic: 'x' }],
];

describe('remote.streamRemoteEvents(x) deep-equals the served runnable’s streamEvents(x), event by event', () => {
  it.each(eventCases)('%s', async (_, make, input) => {
    const local = await collect(make().streamEvents(input as never));
    const remote = await remoteOf(make());
    const events = await collect(remote.streamRemoteEvents(input as never));
    expect(local.filter((e) => e.type === 'chunk').length).toBeGreaterThan(5);
    expect(comparable(events)).toEqual(comparable(local));
  });

  it('keeps the identity of unchanged subtrees between the snapshots of a run', async () => {
    const remote = await remoteOf(text(...pieces(planText, 5)).pipe(jsonParser()));
    const events = await collect(remote.streamRemoteEvents('x' as never));
    type Partial = { days?: { title?: string }[] };
    const parser = events.find((e) => e.type === 'start' && e.name !== 'sequence' && e.data.aggregate.kind === 'snapshot')!;
    const snapshots = events.flatMap((e) => (e.type === 'chunk' && e.runId === parser.runId ? [e.data.chunk as Partial] : []));
    const last = snapshots.at(-1)!;
    expect(last).toEqual(plan);
    // The first day was done long before the end: every later snapshot holds that very object.
    const done = snapshots.findIndex((s) => s.days?.[1] !== undefined);
    expect(done).toBeGreaterThan(0);
    for (const snapshot of snapshots.slice(done)) expect(snapshot.days![0]).toBe(last.days![0]);
  });

  it('rebuilds the chunks of a remote step nested in the served chain, whatever rule it knew at its start', async () => {
    const inner = await remoteOf(parallel({ plan: text(...pieces(planText, 6)).pipe(jsonParser()), text: text('Hel', 'lo') }));
    const make = () => new RemoteRunnable<never>({ url: inner.url, name: 'inner' }).pipe(lambda((value: unknown) => value));
    const local = make();
    const outer = await remoteOf(make());
    // The first run of each inner remote starts before its server announced the keyed rule (its start says `delta`); the second knows it.
    for (let run = 0; run < 2; run++) {
      const events = await collect(local.streamEvents('x' as never));
      expect(comparable(await collect(outer.streamRemoteEvents('x' as never)))).toEqual(comparable(events));
      // Its own end event folds by the rule its server announced, not the one it knew at its start.
      expect(events.find((e) => e.type === 'end' && e.name === 'inner')?.data).toEqual({ output: { plan, text: 'Hello' } });
    }
  });
});
