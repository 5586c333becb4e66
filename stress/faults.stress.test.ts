import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RivuletError, TimeoutError } from '@rivulet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPool, type ProcessWatch, type Settlement, settleWithin, waitFor, watchProcess } from '@rivulet/test-kit';
import { startStack, stressApiKey, type Stack } from './e2e-stack.js';
import { faultCases, faultModelOptions, type FaultCase } from './fault-cases.js';
import { faultScript, type FaultScript } from './fault-script.js';
import { inputFor, planFor, replyFor, runIdOf } from './run-script.js';
import { scaled } from './scale.js';

const remoteRuns = scaled(1000, faultCases.length);
const localRuns = scaled(250, faultCases.length);
/** Run ids at and above this go straight to the chain, without the HTTP hop in front. */
const localBase = 1_000_000;
/** Runs in flight at once: enough to load the path, few enough that a healthy run's first chunk beats the idle timeout. */
const concurrency = 200;
const deadlineMs = 30_000;

const caseOf = (id: number): FaultCase => faultCases[id % faultCases.length] as FaultCase;

/** What went wrong with one run, or nothing. */
function verdict(id: number, settlement: Settlement<unknown>, requests: readonly number[]): string | undefined {
  const fault = caseOf(id);
  const where = `run ${id} (${fault.name})`;
  if (settlement.state === 'pending') return `${where}: still pending after ${deadlineMs} ms`;
  if (requests.length !== fault.requests) return `${where}: ${requests.length} model requests, expected ${fault.requests}`;
  const [first, second] = requests;
  if (fault.minGapMs !== undefined && first !== undefined && second !== undefined && second - first < fault.minGapMs) {
    return `${where}: retried after ${(second - first).toFixed(0)} ms, before the ${fault.minGapMs} ms Retry-After`;
  }
  if (fault.outcome.resolves) {
    if (settlement.state === 'rejected') return `${where}: failed with ${String(settlement.error)}`;
    return JSON.stringify(settlement.value) === JSON.stringify(planFor(id)) ? undefined : `${where}: wrong output ${JSON.stringify(settlement.value)}`;
  }
  if (settlement.state === 'resolved') return `${where}: resolved, expected ${fault.outcome.name}`;
  const { error } = settlement;
  if (!RivuletError.isInstance(error)) return `${where}: untyped error ${String(error)}`;
  if (!fault.outcome.check(error)) return `${where}: ${error.name} ${JSON.stringify(error)}, expected ${fault.outcome.name}`;
  return undefined;
}

describe(`faults under load: ${remoteRuns} remote and ${localRuns} in-process runs over ${faultCases.length} fault kinds`, () => {
  let stack: Stack;
  let faults: FaultScript;
  let watch: ProcessWatch;

  beforeAll(async () => {
    watch = watchProcess();
    faults = faultScript(caseOf, stressApiKey);
    stack = await startStack({ script: faults.script, model: faultModelOptions });
  });

  afterAll(async () => {
    await stack.close();
    watch.stop();
  });

  it('settles every run as its fault allows, retrying only before the first chunk and never a final status', { timeout: 120_000 }, async () => {
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    const started = performance.now();
    const remote = inPool(remoteRuns, concurrency, (id) => {
      // Half the runs stream, half invoke: both must end the same way.
      const run = id % 2 === 0 ? stack.remote.invoke(inputFor(id)) : collectLast(stack.remote.stream(inputFor(id)));
      return settleWithin(run, deadlineMs);
    });
    const local = inPool(localRuns, concurrency / 4, (i) => settleWithin(stack.chain.invoke(inputFor(localBase + i)), deadlineMs));
    const [remoteSettled, localSettled] = await Promise.all([remote, local]);
    const wallMs = performance.now() - started;
    lag.disable();

    const problems = [
      ...remoteSettled.map((s, id) => verdict(id, s, faults.arrivals.get(id) ?? [])),
      ...localSettled.map((s, i) => verdict(localBase + i, s, faults.arrivals.get(localBase + i) ?? [])),
    ].filter((p): p is string => p !== undefined);
    if (problems.length > 0) {
      const byRun = new Map<number, string[]>();
      for (const r of stack.mock.requests) {
        const id = runIdOf(r);
        byRun.set(id, [...(byRun.get(id) ?? []), `${r.outcome}/${r.status ?? '-'}/${r.eventsSent} events`]);
      }
      const ids = problems.map((p) => Number(/^run (\d+)/.exec(p)?.[1]));
      console.log(ids.slice(0, 20).map((id) => `run ${id}: ${(byRun.get(id) ?? []).join(', ')}; arrivals ${(faults.arrivals.get(id) ?? []).map((t) => (t - started).toFixed(0)).join(', ')}`).join('\n'));
    }
    // A stall of the test's own event loop longer than the idle timeout makes healthy runs time out and retry:
    // say so, so that a starved machine is not mistaken for a retry bug.
    const stalledMs = lag.max / 1e6;
    expect(problems.slice(0, 20), `${problems.length} runs misbehaved; the event loop stalled up to ${stalledMs.toFixed(0)} ms (idle timeout ${faultModelOptions.idleTimeout} ms)`).toEqual([]);

    // Every exchange with the model ended: none left open, stalled or not.
    const open = await settleWithin(Promise.all(stack.mock.requests.map((r) => r.settled)), 10_000);
    expect(open.state).toBe('resolved');

    const all = [...remoteSettled, ...localSettled];
    const resolved = all.filter((s) => s.state === 'resolved').length;
    const retries = [...faults.arrivals.values()].reduce((sum, times) => sum + times.length - 1, 0);
    console.log(
      `[stress:faults] ${all.length} runs (${remoteRuns} through RemoteRunnable, ${localRuns} in-process) over ${faultCases.length} fault kinds ` +
        `(${concurrency} + ${concurrency / 4} in flight) in ${(wallMs / 1000).toFixed(2)} s: ${resolved} resolved, ${all.length - resolved} typed errors, ${retries} retries, ` +
        `${stack.mock.requests.length} model requests, 0 pending; event loop delay max ${(lag.max / 1e6).toFixed(0)} ms ` +
        `(the idle timeout is ${faultModelOptions.idleTimeout} ms)`,
    );
  });

  it('a server stalled with no idle timeout: client runs with a timeout end with TimeoutError, and the stall is torn down', { timeout: 60_000 }, async () => {
    const stalls = scaled(100, 5);
    // A model that stalls after a few chunks, and a server that sets no idle timeout: only the client's `timeout` can end the run.
    const stalled = await startStack({ script: (request) => ({ text: replyFor(runIdOf(request)), chunkSize: 8, stallAfterChunks: 3 }), model: { maxRetries: 0 } });
    try {
      const settled = await Promise.all(Array.from({ length: stalls }, (_, id) => settleWithin(stalled.remote.invoke(inputFor(id), { timeout: 1_000 }), deadlineMs)));
      expect(settled.filter((s) => !(s.state === 'rejected' && TimeoutError.isInstance(s.error) && s.error.kind === 'run'))).toEqual([]);
      // Leaving closed the connection, which cancelled the server's run, which closed the model's request.
      expect((await settleWithin(Promise.all(stalled.mock.requests.map((r) => r.settled)), 10_000)).state).toBe('resolved');
      expect(stalled.mock.requests.every((r) => r.closedEarly)).toBe(true);
      expect(await waitFor(() => stalled.connections().open === 0 && stalled.handling() === 0, 10_000)).toBe(true);
      console.log(`[stress:faults] ${stalls} client runs against a stalled server: all TimeoutError after 1 s, every stalled model request closed`);
    } finally {
      await stalled.close();
    }
  });

  it('left no unhandled rejection or uncaught exception', () => {
    expect(watch.failures).toEqual([]);
  });
});

async function collectLast<T>(stream: AsyncIterable<T>): Promise<T | undefined> {
  let last: T | undefined;
  for await (const chunk of stream) last = chunk;
  return last;
}
