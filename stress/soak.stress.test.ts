import { setMaxListeners } from 'node:events';
import { collect } from '@rivulet/core/testing';
import { ChatModel } from '@rivulet/models';
import { structuredParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abortListeners, canCollect, heapAfterGc, mib, type ProcessWatch, watchProcess } from '@rivulet/test-kit';
import { startStack, type Stack } from './e2e-stack.js';
import { planProvider } from './plan-provider.js';
import { inputFor, planFor, planPrompt, planSchema, replyFor, runIdOf } from './run-script.js';
import { scaled } from './scale.js';

const localRuns = scaled(10_000, 100);
const remoteRuns = scaled(2_000, 20);
/**
 * Heap growth allowed over the whole soak, after GC and a warm-up: about 200 bytes a run in-process and
 * 1.5 KiB a run over HTTP, which a leaked run (its context, subscriptions, a socket's buffers: several
 * KiB) would exceed. What remains is JIT code and pools (undici's timers) that stop growing.
 */
const localBoundBytes = 2 * 1024 * 1024;
const remoteBoundBytes = 3 * 1024 * 1024;

/** Heap before and after `runs` sequential runs (after a warm-up), both after full GCs. */
async function soak(runs: number, warmUp: number, run: (id: number) => Promise<void>): Promise<{ growth: number; halfway: number; wallMs: number }> {
  for (let id = 0; id < warmUp; id++) await run(1_000_000 + id);
  const before = await heapAfterGc();
  let middle = 0;
  const started = performance.now();
  for (let id = 0; id < runs; id++) {
    await run(id);
    if (id === Math.floor(runs / 2)) middle = await heapAfterGc();
  }
  const wallMs = performance.now() - started;
  const after = await heapAfterGc();
  return { growth: after - before, halfway: after - middle, wallMs };
}

describe('soak: sequential runs keep the heap flat', () => {
  let watch: ProcessWatch;
  beforeAll(() => {
    watch = watchProcess();
  });
  afterAll(() => watch.stop());

  it('has global.gc (the stress config runs with --expose-gc)', () => {
    expect(canCollect()).toBe(true);
  });

  it(`${localRuns} in-process runs (prompt → ChatModel → structuredParser)`, { timeout: 120_000 }, async () => {
    const shared = new AbortController();
    setMaxListeners(16, shared.signal);
    const model = new ChatModel(planProvider, { idleTimeout: 5_000, timeout: 10_000, maxRetries: 1 });
    const chain = promptTemplate(planPrompt).pipe(model).pipe(structuredParser(planSchema));
    const expectSame = (actual: unknown, id: number): void => {
      // Cheap per-run check; toEqual on every run would dominate the soak.
      if (JSON.stringify(actual) !== replyFor(id)) expect(actual).toEqual(planFor(id));
    };
    // Every path a run can take: invoke, stream, streamEvents; all with a signal, a timeout and an idle timer to clean up.
    const { growth, halfway, wallMs } = await soak(localRuns, 1_000, async (id) => {
      const options = { signal: shared.signal, timeout: 10_000 };
      if (id % 3 === 0) expectSame(await chain.invoke(inputFor(id), options), id);
      else if (id % 3 === 1) expectSame((await collect(chain.stream(inputFor(id), options))).at(-1), id);
      else {
        const events = await collect(chain.streamEvents(inputFor(id), options));
        const end = events.findLast((e) => e.type === 'end' && e.parentRunId === undefined);
        expectSame(end?.type === 'end' ? end.data.output : undefined, id);
      }
    });
    expect(abortListeners(shared.signal)).toBe(0);
    console.log(
      `[stress:soak] ${localRuns} sequential in-process runs in ${(wallMs / 1000).toFixed(2)} s ` +
        `(${(localRuns / (wallMs / 1000)).toFixed(0)} runs/s): heap growth after GC ${mib(growth)} ` +
        `(second half ${mib(halfway)}), bound ${mib(localBoundBytes)}`,
    );
    expect(growth).toBeLessThan(localBoundBytes);
  });

  describe('over HTTP', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ script: (request) => ({ text: replyFor(runIdOf(request)), chunkSize: 16 }), model: { maxRetries: 0, idleTimeout: 5_000 } });
    });
    afterAll(async () => stack.close());

    it(`${remoteRuns} sequential runs (RemoteRunnable → server → OpenAIChatModel → mock)`, { timeout: 120_000 }, async () => {
      const { growth, halfway, wallMs } = await soak(remoteRuns, 1_000, async (id) => {
        const output = await stack.remote.invoke(inputFor(id));
        if (JSON.stringify(output) !== replyFor(id)) expect(output).toEqual(planFor(id));
        // The mock records every request; forget them, so the soak measures Rivulet and not the recorder.
        stack.mock.requests.splice(0);
      });
      console.log(
        `[stress:soak] ${remoteRuns} sequential HTTP runs in ${(wallMs / 1000).toFixed(2)} s ` +
          `(${(remoteRuns / (wallMs / 1000)).toFixed(0)} runs/s): heap growth after GC ${mib(growth)} ` +
          `(second half ${mib(halfway)}), bound ${mib(remoteBoundBytes)}`,
      );
      expect(growth).toBeLessThan(remoteBoundBytes);
    });
  });

  it('left no unhandled rejection or uncaught exception', () => {
    expect(watch.failures).toEqual([]);
  });
});
