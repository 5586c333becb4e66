import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '@rivulet/server';
import { collect } from '@rivulet/core/testing';
import { heapAfterGc, type ProcessWatch, waitFor, watchProcess } from '@rivulet/test-kit';
import { startStack, type Stack } from './e2e-stack.js';
import { inputFor, type Plan } from './run-script.js';

/** A plan of about 600 KB of JSON: a long structured stream, like the one the reliability probe stalled on. */
function longPlan(id: number, words = 20_000): Plan {
  return { run: id, seed: `s${id}`, words: Array.from({ length: words }, (_, i) => `word ${i} of a long plan`), note: 'n'.repeat(10_000) };
}
const planBytes = Buffer.byteLength(JSON.stringify(longPlan(0)));

/** A client that sends its request and then reads nothing: its socket is paused, its kernel buffer fills. */
function stalledClient(url: URL, route: string, id: number): Socket {
  const body = JSON.stringify({ input: inputFor(id) });
  const socket = connect(Number(url.port), url.hostname);
  socket.on('error', () => undefined);
  socket.write(`POST ${url.pathname}/${route} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  socket.pause();
  return socket;
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

/** How many `chunk` events each step sent in a `stream_events` body, by the step's name. */
function chunksByStep(body: string): Map<string, number> {
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: {"type"')) continue;
    const event = JSON.parse(line.slice('data: '.length)) as { type: string; runId: string; name?: string };
    if (event.type === 'start') names.set(event.runId, event.name ?? '');
    const name = names.get(event.runId) ?? '';
    if (event.type === 'chunk') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

describe('hostile clients: readers that stall', () => {
  let patient: Stack;
  let strict: Stack;
  let watch: ProcessWatch;
  const sendTimeoutMs = 2_000;

  beforeAll(async () => {
    watch = watchProcess();
    // The runs go to their end while nobody reads: whatever waits for the clients is on the server's heap.
    patient = await startStack({ script: (request) => ({ text: JSON.stringify(longPlan(request.index)), chunkSize: 64 }), model: { maxRetries: 0 } });
    // The runs would take about 12 s (a 3.9 MB plan: 1,900 chunks 5 ms apart): the send timeout must end them.
    strict = await startStack({
      script: (request) => ({ text: JSON.stringify(longPlan(request.index, 150_000)), chunkSize: 2_048, delayMs: 5 }),
      model: { maxRetries: 0 },
      server: { sendTimeoutMs },
    });
  });

  afterAll(async () => {
    await patient.close();
    await strict.close();
    watch.stop();
  });

  // In process, on the Web handler: a body nobody reads is exactly what the server holds for a stalled client,
  // without the socket buffers of the kernel (which on loopback take megabytes before a write waits).
  it.each(['stream', 'stream_events'] as const)('on %s, a stalled client holds a bounded amount, never the bytes it was not sent', { timeout: 120_000 }, async (route) => {
    const clients = route === 'stream' ? 10 : 4;
    const handler = createHandler(patient.chain);
    const request = (id: number): Request =>
      new Request(`http://localhost/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: inputFor(id) }) });
    const finished = (from: number) => () => patient.mock.requests.slice(from).filter((r) => r.outcome === 'finished').length === clients;
    // A client that reads: what the stall saves sending, and how many events a run has (on `stream_events`, what
    // `streamEvents` gives in process: a client far behind the run gets fewer, its chunks merged).
    const sent = Buffer.from(await (await handler(request(1))).arrayBuffer());
    let events = 0;
    for (let at = sent.indexOf('event: '); at >= 0; at = sent.indexOf('event: ', at + 1)) events++;
    if (route === 'stream_events') events = (await collect(patient.chain.streamEvents(inputFor(3)))).length;
    // The output as the parser built it (appended strings and all): what any run holds at its end.
    const baseline = await heapAfterGc();
    const value = await patient.chain.invoke(inputFor(2));
    const valueBytes = (await heapAfterGc()) - baseline;
    const before = patient.mock.requests.length;
    let stalled: Response[] = await Promise.all(Array.from({ length: clients }, (_, i) => handler(request(10 + i))));
    expect(await waitFor(finished(before), 60_000)).toBe(true);
    const held = ((await heapAfterGc()) - baseline - valueBytes) / clients;
    // On `stream_events`, one stalled client reads at last: what waited for it, a run's consecutive chunks merged.
    const late = route === 'stream_events' ? Buffer.from(await (stalled.shift() as Response).arrayBuffer()) : undefined;
    const lateEvents = late === undefined ? 0 : late.toString().split('\nevent: ').length - 1;
    const lateChunks = late === undefined ? new Map<string, number>() : chunksByStep(late.toString());
    await Promise.all(stalled.map((response) => response.body?.cancel()));
    stalled = [];
    const left = (await heapAfterGc()) - baseline - valueBytes;
    expect(value.words).toHaveLength(20_000); // kept alive until here: it is part of the baseline
    console.log(
      `[stress:hostile-stalled-${route}] a ${mib(planBytes)} plan (${mib(valueBytes)} as a value) is ${mib(sent.byteLength)} in ${events} events ` +
        `to a client that reads; ${clients} stalled clients: ${mib(held)} held per client (${(held / valueBytes).toFixed(1)}× the value, ` +
        `${(held / events).toFixed(0)} B per event) until they left, ${mib(left)} left after` +
        (late === undefined ? '' : `; one that read at last got ${mib(late.byteLength)} in ${lateEvents} events (chunks by step: ${[...lateChunks].map(([name, n]) => `${name} ${n}`).join(', ')})`),
    );
    // `stream`: the latest snapshot waits, coalesced. `stream_events`: a run's consecutive chunks merge (the model's,
    // between two snapshots of the parser), and an event waits as the bytes it will be sent once nothing can merge
    // into it; the parser's and the sequence's patches alternate with the model's chunks and stay apart. So a stalled
    // client holds about what it is sent at last (not a copy of the value per event), at most 2 KB per event of the run.
    if (route === 'stream') expect(held).toBeLessThan(2 * valueBytes);
    else {
      expect(held).toBeLessThan(2 * (late as Buffer).byteLength);
      expect(held).toBeLessThan(2048 * events);
      // Past the first 1,024 events (and the 16 KB the body took), the model's chunks between two other events merge
      // into one. The parser's and the sequence's patches both come between them, in an order timing decides: so at
      // most one model chunk per patch of either, plus one. (Counting the parser's alone failed once in four CI runs:
      // 1,916 model chunks against 474 of each, where 909 against 471 passed the run before.)
      const model = lateChunks.get('openai:mock-model') ?? 0;
      const parser = lateChunks.get('structuredParser') ?? 0;
      const sequence = lateChunks.get('sequence') ?? 0;
      expect(parser).toBeGreaterThan(10);
      expect(model).toBeLessThan(parser + sequence + 1 + 1_024 + 200);
    }
    expect(left).toBeLessThan(2 * 2 ** 20); // nothing per client: JIT code and the mock's request records

    expect(watch.failures).toEqual([]);
  });

  it('the send timeout disconnects stalled clients, cancels their runs down to the model request, and frees their memory', { timeout: 60_000 }, async () => {
    const url = new URL(strict.url);
    const clients = 10;
    const baseline = await heapAfterGc();
    const before = strict.mock.requests.length;
    const started = performance.now();
    // stream_events of a 3.9 MB plan in 2 KB chunks: about 2 MB/s per client, so the socket buffers fill in seconds and
    // writes wait (a `stream` coalesces, and fits in them).
    const sockets = Array.from({ length: clients }, (_, i) => stalledClient(url, 'stream_events', 100 + i));
    expect(await waitFor(() => strict.mock.requests.length === before + clients, 10_000)).toBe(true);
    expect(await waitFor(() => strict.connections().open === 0, sendTimeoutMs + 20_000)).toBe(true);
    const closedAfter = performance.now() - started;
    const requests = strict.mock.requests.slice(before);
    await Promise.all(requests.map((request) => request.settled));
    expect(requests.map((request) => request.outcome)).toEqual(Array(clients).fill('client-closed'));
    const left = (await heapAfterGc()) - baseline;
    for (const socket of sockets) socket.destroy();
    console.log(
      `[stress:hostile-stalled-timeout] ${clients} stalled clients disconnected ${(closedAfter / 1000).toFixed(1)} s after they connected ` +
        `(sendTimeoutMs ${sendTimeoutMs}), every model request aborted, ${mib(left)} left after`,
    );
    // The tests before this one compiled the server's code: run alone (`-t`), the JIT code counts too (about 3.4 MiB).
    expect(left).toBeLessThan(2 * 2 ** 20);
    expect(watch.failures).toEqual([]);
  });
});
