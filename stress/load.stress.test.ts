import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ms, pause, percentile, type ProcessWatch, settleWithin, watchProcess } from '@rivulet/test-kit';
import { startStack, type Stack } from './e2e-stack.js';
import { inputFor, planFor, replyFor, runIdOf, type Plan } from './run-script.js';
import { scaled } from './scale.js';

const runs = scaled(1000, 10);
const deadlineMs = 90_000;

/** One streamed run as the client saw it. */
interface Observed {
  readonly id: number;
  readonly snapshots: unknown[];
  readonly ttfcMs: number | undefined;
  readonly totalMs: number;
}

async function observe(stack: Stack, id: number): Promise<Observed> {
  const started = performance.now();
  let ttfcMs: number | undefined;
  const snapshots: unknown[] = [];
  for await (const snapshot of stack.remote.stream(inputFor(id))) {
    ttfcMs ??= performance.now() - started;
    snapshots.push(snapshot);
  }
  return { id, snapshots, ttfcMs, totalMs: performance.now() - started };
}

describe(`load: ${runs} concurrent streams end to end`, () => {
  let stack: Stack;
  let watch: ProcessWatch;

  beforeAll(async () => {
    watch = watchProcess();
    stack = await startStack({ script: (request) => ({ text: replyFor(runIdOf(request)), chunkSize: 12, delayMs: 2 }), model: { maxRetries: 0 } });
  });

  afterAll(async () => {
    await stack.close();
    watch.stop();
  });

  it('delivers every output exactly, nothing lost or mixed, and reports throughput and time to first chunk', { timeout: 150_000 }, async () => {
    // Warm up: JIT, connection setup paths, zod schemas.
    for (const settled of await Promise.all(Array.from({ length: 20 }, (_, i) => settleWithin(observe(stack, 1_000_000 + i), 20_000)))) {
      expect(settled.state).toBe('resolved');
    }
    const before = stack.mock.requests.length;
    let pendingPeak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        pendingPeak = Math.max(pendingPeak, stack.mock.requests.filter((r) => r.outcome === 'pending').length);
        await pause(25);
      }
    })();

    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: runs }, (_, id) => settleWithin(observe(stack, id), deadlineMs)));
    const wallMs = performance.now() - started;
    sampling = false;
    await sampler;

    const failures = outcomes.flatMap((o, id) => (o.state === 'resolved' ? [] : [{ id, o }]));
    expect(failures, 'every run resolves within the deadline').toEqual([]);
    const observed = outcomes.map((o) => (o.state === 'resolved' ? o.value : undefined)).filter((o): o is Observed => o !== undefined);
    for (const run of observed) {
      const expected = planFor(run.id);
      expect(run.snapshots.at(-1)).toEqual(expected);
      // Every snapshot on the way is this run's: an id seen is the right one, words only of this run.
      for (const snapshot of run.snapshots as Partial<Plan>[]) {
        if (snapshot.run !== undefined) expect(snapshot.run).toBe(run.id);
        for (const word of snapshot.words ?? []) expect(expected.words.some((w) => w.startsWith(word))).toBe(true);
      }
    }
    // Exactly one model request per run, each run's once.
    const served = stack.mock.requests.slice(before).map(runIdOf).sort((a, b) => a - b);
    expect(served).toEqual(Array.from({ length: runs }, (_, id) => id));

    const ttfc = observed.map((o) => o.ttfcMs ?? Number.NaN);
    const throughput = runs / (wallMs / 1000);
    console.log(
      `[stress:load] ${runs} concurrent streams in ${(wallMs / 1000).toFixed(2)} s: ${throughput.toFixed(0)} runs/s, ` +
        `TTFC p50 ${ms(percentile(ttfc, 50))}, p99 ${ms(percentile(ttfc, 99))}, ` +
        `run p50 ${ms(percentile(observed.map((o) => o.totalMs), 50))}, p99 ${ms(percentile(observed.map((o) => o.totalMs), 99))}; ` +
        `peak open connections: server ${stack.connections().peak}, mock model requests in flight ${pendingPeak}`,
    );
  });

  it('left no unhandled rejection or uncaught exception', () => {
    expect(watch.failures).toEqual([]);
  });
});
