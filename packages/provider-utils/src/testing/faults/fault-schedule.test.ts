import { eventually, pause, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startMockHttpServer, type MockHttpServer } from '../mock-server/mock-http-server.js';
import { NdjsonWriter } from '../mock-server/ndjson-writer.js';
import { jsonEvent } from '../mock-server/wire-event.js';
import { faultHeaders } from './fault-headers.js';
import type { FaultSchedule } from './fault-schedule.js';
import type { FaultWire } from './fault-wire.js';
import { playEventStream } from './play-event-stream.js';
import { playFaultsBeforeReply } from './play-faults-before-reply.js';
import { sendJsonWithFaults } from './send-json-with-faults.js';

/** The error object of the toy wire the schedule's own tests use. */
interface ToyError {
  readonly message?: string;
}

/** A toy provider's encodings: enough to tell each fault apart on the wire. */
const toyWire: FaultWire<ToyError> = {
  errorBody: (status, error, requestId) => ({ error: { message: typeof error === 'string' ? error : (error?.message ?? `toy ${status ?? 'mid-stream'}`) }, requestId }),
  errorEvent: (error, requestId) => jsonEvent({ error: { message: typeof error === 'string' ? error : (error?.message ?? 'toy error event') }, requestId }, 'error'),
  malformedEvent: { data: '{"t":"unterminated', event: 'delta' },
};

/**
 * For the schedule's own tests: a server answering every request by playing
 * `schedule` over three toy events (`{"t":"a"}`, `{"t":"b"}`, `{"t":"c"}`),
 * as SSE, NDJSON (`?ndjson`), or one JSON body (`?whole`).
 */
function startFaultTestServer(schedule: FaultSchedule<ToyError>, asides?: ReadonlyMap<number, { data: string; event?: string }[]>): Promise<MockHttpServer> {
  return startMockHttpServer({
    handle: async (exchange) => {
      const headers = faultHeaders(schedule, exchange);
      if (await playFaultsBeforeReply(exchange, schedule, toyWire, headers)) return;
      if (exchange.record.path.endsWith('?whole')) return sendJsonWithFaults(exchange, { t: 'abc' }, schedule, headers);
      const events = ['a', 'b', 'c'].map((t) => jsonEvent({ t }, 'delta'));
      const path = exchange.record.path;
      // `?bare`: NDJSON framing from a writer that has no keep-alive (as a plugin's own framing may not).
      const writer = path.endsWith('?ndjson') ? new NdjsonWriter(exchange) : path.endsWith('?bare') ? Object.assign(new NdjsonWriter(exchange), { keepAlive: undefined }) : undefined;
      await playEventStream(exchange, { events, faults: schedule, wire: toyWire, headers, asides, writer });
    },
  });
}

let server: MockHttpServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** Virtual time for the mock server's waits (stalls, header delays), moved by hand; its sockets stay real. */
const fakeServerClock = (): void => void vi.useFakeTimers({ toFake: [...timerFunctions] });

/** Real turns for the network to carry what the server just wrote, before checking that it wrote nothing yet. */
const letTheNetworkRun = (): Promise<void> => pause(20);

/** The one request the test server received. */
const recorded = () => server?.requests[0];

async function body(schedule: FaultSchedule<ToyError>, query = '', asides?: Map<number, { data: string; event?: string }[]>): Promise<string> {
  server = await startFaultTestServer(schedule, asides);
  return (await fetch(`${server.origin}/${query}`)).text();
}

const a = 'event: delta\ndata: {"t":"a"}\n\n';
const b = 'event: delta\ndata: {"t":"b"}\n\n';
const c = 'event: delta\ndata: {"t":"c"}\n\n';

describe('playEventStream', () => {
  test('without faults, writes every event in order and ends the stream', async () => {
    expect(await body({})).toBe(a + b + c);
    expect(server!.requests[0]).toMatchObject({ status: 200, eventsSent: 3, outcome: 'finished' });
  });

  test('puts a malformed event, a wrong-shape event and keep-alives at their positions, and goes on', async () => {
    const text = await body({ malformedAfterChunks: 1, wrongShapeAfterChunks: 2, keepAliveAfterChunks: [0, 2, 3] });
    expect(text).toBe(`event: ping\n\n${a}event: delta\ndata: {"t":"unterminated\n\n${b}data: {"foo":1}\n\nevent: ping\n\n${c}event: ping\n\n`);
    // Keep-alives carry no data, so they are not counted as events.
    expect(server!.requests[0]!.eventsSent).toBe(5);
  });

  test("an error event at its position ends the stream, carrying the answer's request id", async () => {
    const text = await body({ errorEventAfterChunks: 2, error: { message: 'overloaded' }, requestId: 'req_odd' });
    expect(text).toBe(`${a}${b}event: error\ndata: {"error":{"message":"overloaded"},"requestId":"req_odd"}\n\n`);
  });

  test('asides go before the event at their position without shifting the positions of faults', async () => {
    const ping = { data: '{"type":"ping"}', event: 'ping' };
    const text = await body({ malformedAfterChunks: 1 }, '', new Map([[1, [ping]]]));
    expect(text).toBe(`${a}event: delta\ndata: {"t":"unterminated\n\nevent: ping\ndata: {"type":"ping"}\n\n${b}${c}`);
  });

  test('drops the connection after n events: the client sees a torn body', async () => {
    server = await startFaultTestServer({ dropAfterChunks: 1 });
    const response = await fetch(server.origin);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(a);
    await expect(reader.read()).rejects.toThrow('terminated');
    await server.requests[0]!.settled;
    expect(server.requests[0]).toMatchObject({ outcome: 'server-dropped', eventsSent: 1 });
  });

  test('stalls after n events for exactly stallMs, then goes on', async () => {
    fakeServerClock();
    server = await startFaultTestServer({ stallAfterChunks: 2, stallMs: 120 });
    const text = fetch(server.origin).then((response) => response.text());
    await eventually(() => recorded()?.eventsSent === 2, 'the events before the stall');
    await vi.advanceTimersByTimeAsync(119);
    await letTheNetworkRun();
    expect(recorded()?.eventsSent).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await text).toBe(a + b + c);
  });

  test('stalls right after the headers, until the client leaves', async () => {
    fakeServerClock();
    server = await startFaultTestServer({ stallAfterChunks: 0 });
    const controller = new AbortController();
    const response = await fetch(server.origin, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    await letTheNetworkRun();
    expect(recorded()).toMatchObject({ outcome: 'pending', eventsSent: 0 });
    controller.abort();
    await expect(response.text()).rejects.toThrow();
    await server.requests[0]!.settled;
    expect(server.requests[0]).toMatchObject({ outcome: 'client-closed', eventsSent: 0 });
  });

  test('plays the same schedule over NDJSON: one line per event, names ignored', async () => {
    server = await startFaultTestServer({ malformedAfterChunks: 1, wrongShapeAfterChunks: 3 });
    const response = await fetch(`${server.origin}/?ndjson`);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    expect(await response.text()).toBe('{"t":"a"}\n{"t":"unterminated\n{"t":"b"}\n{"t":"c"}\n{"foo":1}\n');
  });

  test('an NDJSON keep-alive is a blank line between records', async () => {
    server = await startFaultTestServer({ keepAliveAfterChunks: [1] });
    const response = await fetch(`${server.origin}/?ndjson`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^\{"t":"a"\}\n\n\{/);
  });

  test('refuses keep-alives on a framing that has none, before the headers, saying why', async () => {
    server = await startFaultTestServer({ keepAliveAfterChunks: [1] });
    const response = await fetch(`${server.origin}/?bare`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('no keep-alive');
  });
});

async function answer(schedule: FaultSchedule<ToyError>, query = ''): Promise<Response> {
  server = await startFaultTestServer(schedule);
  return fetch(`${server.origin}/${query}`);
}

describe('playFaultsBeforeReply', () => {
  test("an error status gets the wire's error body, the retry hints and the replaced request id", async () => {
    const response = await answer({ status: 429, error: { message: 'slow down' }, retryAfter: 1.5, retryAfterMs: 1500, requestId: 'req_echo', headers: { 'x-extra': '1' } });
    expect(response.status).toBe(429);
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'retry-after': '1.5', 'retry-after-ms': '1500', 'x-request-id': 'req_echo', 'x-extra': '1' });
    expect(await response.json()).toEqual({ error: { message: 'slow down' }, requestId: 'req_echo' });
  });

  test('a string error is sent verbatim as text/plain', async () => {
    const response = await answer({ status: 502, error: '<html>Bad gateway</html>' });
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('<html>Bad gateway</html>');
  });

  test('jsonErrorBody answers 200 with the error body; htmlPage answers 200 with a page', async () => {
    const json = await answer({ jsonErrorBody: true });
    expect([json.status, json.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(await json.json()).toMatchObject({ error: { message: 'toy mid-stream' } });
    await server!.close();
    const page = await answer({ htmlPage: '<html>Sign in</html>' });
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await page.text()).toBe('<html>Sign in</html>');
  });

  test('waits exactly headersDelayMs before the headers', async () => {
    fakeServerClock();
    server = await startFaultTestServer({ headersDelayMs: 120 });
    const response = fetch(server.origin);
    await eventually(() => recorded() !== undefined, 'the request');
    await vi.advanceTimersByTimeAsync(119);
    expect(recorded()?.status).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(recorded()?.status).toBe(200);
    expect(await (await response).text()).toBe(a + b + c);
  });

  test('headersDelayMs: Infinity never sends headers; the client giving up closes the exchange', async () => {
    fakeServerClock();
    server = await startFaultTestServer({ headersDelayMs: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    const pending = fetch(server.origin, { signal: controller.signal });
    await eventually(() => recorded() !== undefined, 'the request');
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(recorded()?.status).toBeUndefined();
    controller.abort();
    await expect(pending).rejects.toThrow();
    await server.requests[0]!.settled;
    expect(server.requests[0]).toMatchObject({ status: undefined, outcome: 'client-closed', closedEarly: true });
  });

  test('dropBeforeHeaders fails the request itself', async () => {
    server = await startFaultTestServer({ dropBeforeHeaders: true });
    await expect(fetch(server.origin)).rejects.toThrow('fetch failed');
    expect(server.requests[0]).toMatchObject({ outcome: 'server-dropped' });
  });
});

describe('sendJsonWithFaults (an answer that is not streamed)', () => {
  test('sends the whole body, or half of it and a drop', async () => {
    expect(await (await answer({}, '?whole')).json()).toEqual({ t: 'abc' });
    await server!.close();
    const torn = await answer({ dropAfterChunks: 3 }, '?whole');
    expect(torn.status).toBe(200);
    await expect(torn.text()).rejects.toThrow('terminated');
  });

  test('stalls after the headers for exactly stallMs', async () => {
    fakeServerClock();
    const response = await answer({ stallAfterChunks: 0, stallMs: 120 }, '?whole');
    await vi.advanceTimersByTimeAsync(119);
    await letTheNetworkRun();
    expect(recorded()?.outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await response.json()).toEqual({ t: 'abc' });
  });
});
