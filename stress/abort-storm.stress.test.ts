import { setMaxListeners } from 'node:events';
import { request as httpRequest } from 'node:http';
import { AbortError } from '@rivulet/core';
import type { MockReply } from '@rivulet/openai/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeRunnable } from '@rivulet/server/client';
import { abortListeners, between, pause, type ProcessWatch, seededRandom, type Settlement, settleWithin, type TimerTracker, trackTimers, waitFor, watchProcess } from '@rivulet/test-kit';
import { Arrivals } from './arrivals.js';
import { startStack, type Stack } from './e2e-stack.js';
import { inputFor, replyFor, runIdOf } from './run-script.js';
import { scaled } from './scale.js';

const runs = scaled(1000, 10);
/** Runs aborted in-process too, on the chain itself with no HTTP hop in front (ids from `localBase`). */
const localRuns = scaled(300, 5);
const localBase = 1_000_000;
/** Browser-client calls of the `invoke` route, aborted at random times (ids from `browserBase`). */
const browserRuns = scaled(200, 5);
const browserBase = 2_000_000;
/** Raw clients that hang up half way through sending their request body. */
const hangUps = scaled(200, 5);
const deadlineMs = 60_000;

/** Where a run is aborted. */
const points = ['before the request', 'as the request starts', 'before headers', 'mid-body', 'during retry backoff'] as const;
type AbortPoint = (typeof points)[number];
const pointOf = (id: number): AbortPoint => points[(id % localBase) % points.length] as AbortPoint;

/** Model requests each abort point allows: none before the request, one otherwise (never a retry after an abort). */
const requestsAllowed: Record<AbortPoint, number> = {
  'before the request': 0,
  'as the request starts': 0,
  'before headers': 1,
  'mid-body': 1,
  'during retry backoff': 1,
};

function replyOf(id: number): MockReply {
  if (id >= browserBase) return slowReply(id);
  switch (pointOf(id)) {
    case 'before headers':
      return { text: replyFor(id), headersDelayMs: 30_000 };
    case 'during retry backoff':
      return { status: 429, retryAfterMs: 30_000 };
    default:
      return slowReply(id);
  }
}

/** Slow and long (blanks after the JSON, about 3 s in all): an abort after a few chunks lands mid-body even under load. */
function slowReply(id: number): MockReply {
  return { text: replyFor(id) + ' '.repeat(400), chunkSize: 2, delayMs: 10 };
}

describe(`abort storm: ${runs} remote and ${localRuns} in-process runs aborted at random points`, () => {
  const arrivals = new Arrivals();
  const clientShared = new AbortController();
  const serverShared = new AbortController();
  let stack: Stack;
  let watch: ProcessWatch;
  let timers: TimerTracker;
  let peakListeners = 0;

  beforeAll(async () => {
    watch = watchProcess();
    // A thousand live runs listen at once; Node would warn past ten listeners.
    setMaxListeners(runs * 2, clientShared.signal, serverShared.signal);
    stack = await startStack({
      script: (request) => {
        const id = runIdOf(request);
        arrivals.note(id, request);
        return replyOf(id);
      },
      model: { maxRetries: 2 },
      // A server-wide signal every run listens to (a shutdown switch, say): listeners must not pile up on it.
      serverRunOptions: { signal: serverShared.signal },
    });
  });

  afterAll(async () => {
    timers?.restore();
    await stack.close();
    watch.stop();
  });

  /** One run, aborted at its point; resolves with how its stream ended. */
  async function stormRun(id: number, random: () => number): Promise<Settlement<number>> {
    const point = pointOf(id);
    const controller = new AbortController();
    if (point === 'before the request') controller.abort(new Error('user left before sending'));
    // The client's own app-wide signal, shared by every run, through withConfig; in-process runs call the chain itself.
    const remote = (id >= localBase ? stack.chain : stack.remote).withConfig({ signal: clientShared.signal });
    const stopAfter = between(random, 1, 5);
    let chunks = 0;
    const consumed = (async () => {
      for await (const _ of remote.stream(inputFor(id), { signal: controller.signal })) {
        chunks++;
        if (point === 'mid-body' && chunks === stopAfter) {
          peakListeners = Math.max(peakListeners, abortListeners(serverShared.signal));
          controller.abort(new Error('user left mid-answer'));
        }
      }
      return chunks;
    })();
    const over = consumed.then(
      () => 'over' as const,
      () => 'over' as const,
    );
    if (point === 'as the request starts') controller.abort(new Error('user left at once'));
    if (point === 'before headers' || point === 'during retry backoff') {
      const request = await Promise.race([arrivals.first(id), over]);
      if (request !== 'over') {
        // Before headers: the mock holds them back. During backoff: the 429 has been answered.
        if (point === 'during retry backoff') await Promise.race([request.settled, over]);
        await pause(between(random, 0, 40));
        controller.abort(new Error(`user left ${point}`));
      }
    }
    return settleWithin(consumed, deadlineMs);
  }

  it('ends every run with AbortError and leaves no socket, timer or listener behind', { timeout: 150_000 }, async () => {
    timers = trackTimers();
    const random = seededRandom(20_241_121);
    const started = performance.now();
    const ids = [...Array.from({ length: runs }, (_, id) => id), ...Array.from({ length: localRuns }, (_, i) => localBase + i)];
    const outcomes = await Promise.all(ids.map((id) => stormRun(id, random)));
    const wallMs = performance.now() - started;
    const settled = new Map(ids.map((id, i) => [id, outcomes[i] as Settlement<number>]));

    const wrong = [...settled].flatMap(([id, s]) =>
      s.state === 'rejected' && AbortError.isInstance(s.error) ? [] : [`run ${id} (${pointOf(id)}): ${s.state} ${s.state === 'rejected' ? String(s.error) : ''}`],
    );
    expect(wrong.slice(0, 20), `${wrong.length} runs did not end with AbortError`).toEqual([]);

    // The model: each run's request count as its abort point allows, every exchange over, every socket closed.
    const requests = stack.mock.requests;
    const counts = new Map<number, number>();
    for (const request of requests) counts.set(runIdOf(request), (counts.get(runIdOf(request)) ?? 0) + 1);
    const miscounted = ids.flatMap((id) =>
      (counts.get(id) ?? 0) === requestsAllowed[pointOf(id)] ? [] : [`run ${id} (${pointOf(id)}): ${counts.get(id) ?? 0} model requests`],
    );
    expect(miscounted.slice(0, 20)).toEqual([]);
    const allSettled = await settleWithin(Promise.all(requests.map((r) => r.settled)), 15_000);
    expect(allSettled.state, 'every model request settled').toBe('resolved');
    const unfinished = requests.filter((r) => pointOf(runIdOf(r)) !== 'during retry backoff' && !r.closedEarly);
    expect(unfinished.length, 'aborted model requests were closed by the client').toBe(0);
    // Idle keep-alive sockets (after a 429) close by undici's keep-alive timeout; the rest at once.
    const socketsClosed = await settleWithin(Promise.all(requests.map((r) => r.socketClosed)), 20_000);
    expect(socketsClosed.state, 'every socket to the model closed').toBe('resolved');

    // The Rivulet server: every client connection closed, every run unsubscribed from the shared signal.
    expect(await waitFor(() => stack.connections().open === 0, 10_000), 'every connection to the server closed').toBe(true);
    expect(stack.handling(), 'no handler call left pending').toBe(0);
    expect(abortListeners(serverShared.signal)).toBe(0);
    expect(abortListeners(clientShared.signal)).toBe(0);

    // No timer left: retry backoffs, idle timers, heartbeats and SDK timeouts were all cleared.
    const quiet = await waitFor(() => timers.live() === 0, 5_000);
    const timerPeak = timers.peak();
    expect(quiet, `live timers:\n${timers.origins().slice(0, 5).join('\n---\n')}`).toBe(true);
    timers.restore();

    const byPoint = points.map((p) => `${p} ${ids.filter((id) => pointOf(id) === p).length}`).join(', ');
    console.log(
      `[stress:abort] ${runs} runs through RemoteRunnable and ${localRuns} in-process, aborted at random points (${byPoint}), ` +
        `in ${(wallMs / 1000).toFixed(2)} s: all AbortError; ` +
        `${requests.length} model requests, all settled and their sockets closed; 0 server connections; ` +
        `0 live timers (peak ${timerPeak}); 0 abort listeners on the shared client and server signals (server peak ${peakListeners})`,
    );
  });

  it(`${browserRuns} browser-client invokes aborted at random times leave nothing behind either`, { timeout: 60_000 }, async () => {
    const tracker = trackTimers();
    try {
      const random = seededRandom(7);
      const before = stack.mock.requests.length;
      const settled = await Promise.all(
        Array.from({ length: browserRuns }, async (_, i) => {
          const controller = new AbortController();
          const run = invokeRunnable(stack.url, inputFor(browserBase + i), { signal: controller.signal });
          void pause(between(random, 0, 300)).then(() => controller.abort());
          return settleWithin(run, deadlineMs);
        }),
      );
      // The dependency-free client rejects with the platform's AbortError (a DOMException).
      expect(settled.filter((s) => !(s.state === 'rejected' && (s.error as Error).name === 'AbortError'))).toEqual([]);
      const requests = stack.mock.requests.slice(before);
      expect((await settleWithin(Promise.all(requests.map((r) => r.settled)), 15_000)).state).toBe('resolved');
      expect(requests.every((r) => r.closedEarly)).toBe(true);
      expect(await waitFor(() => stack.connections().open === 0 && stack.handling() === 0, 10_000)).toBe(true);
      expect(abortListeners(serverShared.signal)).toBe(0);
      expect(await waitFor(() => tracker.live() === 0, 5_000), tracker.origins().slice(0, 3).join('\n---\n')).toBe(true);
      console.log(`[stress:abort] ${browserRuns} browser-client invokes aborted at random times: all AbortError, ${requests.length} model requests closed, 0 live timers`);
    } finally {
      tracker.restore();
    }
  });

  it(`${hangUps} clients hanging up half way through their request body leave no handler pending and no run started`, { timeout: 60_000 }, async () => {
    const before = stack.mock.requests.length;
    const { port } = new URL(stack.url);
    const body = JSON.stringify({ input: inputFor(0) });
    await Promise.all(
      Array.from({ length: hangUps }, (_, i) =>
        new Promise<void>((resolve) => {
          const req = httpRequest({ host: '127.0.0.1', port, path: '/api/plan/stream', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) } });
          req.on('error', () => resolve());
          req.on('close', () => resolve());
          // Part of the body, then the client is gone (some at once, some after a pause).
          req.write(body.slice(0, 1 + (i % (body.length - 1))), () => void pause(i % 20).then(() => req.destroy()));
        }),
      ),
    );
    expect(await waitFor(() => stack.handling() === 0, 10_000), `${stack.handling()} handler calls still pending`).toBe(true);
    expect(await waitFor(() => stack.connections().open === 0, 10_000)).toBe(true);
    expect(stack.mock.requests.length).toBe(before);
    expect(abortListeners(serverShared.signal)).toBe(0);
    console.log(`[stress:abort] ${hangUps} clients hung up mid-request-body: 0 handler calls pending, 0 connections, no model request`);
  });

  it('left no unhandled rejection or uncaught exception', () => {
    expect(watch.failures).toEqual([]);
  });
});
