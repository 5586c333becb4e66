import { nextTurn, watchProcess } from '@rivulet/test-kit';
import { afterEach, describe, expect, test } from 'vitest';
import type { HttpExchange } from './http-exchange.js';
import { startMockHttpServer, type MockHttpServer } from './mock-http-server.js';
import { sendJson } from './send-body.js';
import { SseWriter } from './sse-writer.js';
import { stall } from './stall.js';

let server: MockHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handle: (exchange: HttpExchange) => void | Promise<void>, requestIdHeader?: string) {
  server = await startMockHttpServer({ handle, ...(requestIdHeader === undefined ? {} : { requestIdHeader }) });
  return server;
}

describe('startMockHttpServer', () => {
  test('listens on loopback and records each request with its parsed body', async () => {
    const { origin, requests } = await start((exchange) => sendJson(exchange, 201, { ok: true }));
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${origin}/a/b?c=1`, {
      method: 'POST',
      headers: { 'x-custom': 'yes' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      index: 0,
      method: 'POST',
      path: '/a/b?c=1',
      rawBody: '{"hello":"world"}',
      body: { hello: 'world' },
      status: 201,
      outcome: 'finished',
      closedEarly: false,
    });
    expect(requests[0]!.headers['x-custom']).toBe('yes');
  });

  test('sends a generated request id on every response, under a configurable header', async () => {
    const { origin, requests } = await start((exchange) => sendJson(exchange, 200, {}), 'request-id');
    const first = await fetch(origin);
    const second = await fetch(origin);
    expect(first.headers.get('request-id')).toBe(requests[0]!.requestId);
    expect(second.headers.get('request-id')).toBe(requests[1]!.requestId);
    expect(requests[0]!.requestId).not.toBe(requests[1]!.requestId);
  });

  test('turns a throwing handler into a 500', async () => {
    const { origin } = await start(() => {
      throw new Error('kaboom');
    });
    const response = await fetch(origin);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('kaboom');
  });

  test('records a client that goes away mid-stream as closedEarly, through the exchange signal too', async () => {
    let signal: AbortSignal | undefined;
    const { origin, requests } = await start(async (exchange) => {
      signal = exchange.signal;
      const sse = new SseWriter(exchange);
      sse.start();
      await sse.json({ n: 1 });
      await stall(undefined, exchange.signal);
      expect(await sse.json({ n: 2 })).toBe(false);
    });
    const controller = new AbortController();
    const response = await fetch(origin, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await requests[0]!.settled;
    await requests[0]!.socketClosed;
    expect(requests[0]).toMatchObject({ outcome: 'client-closed', closedEarly: true, eventsSent: 1 });
    expect(signal!.aborted).toBe(true);
  });

  test('close() destroys stalled connections and idle keep-alive sockets', async () => {
    const { origin, requests, close } = await start(async (exchange) => {
      if (exchange.record.index === 0) return sendJson(exchange, 200, {});
      new SseWriter(exchange).start();
      await stall(undefined, exchange.signal);
    });
    await (await fetch(origin)).text();
    const stalled = await fetch(origin);
    const body = stalled.text().catch((error: unknown) => error);
    await close();
    expect(await body).toBeInstanceOf(TypeError);
    expect(requests[1]).toMatchObject({ outcome: 'server-dropped', closedEarly: false });
    await requests[0]!.socketClosed;
  });
});

test('many requests over one keep-alive socket do not pile up listeners', async () => {
  const watch = watchProcess();
  try {
    const { origin, requests } = await start((exchange) => sendJson(exchange, 200, {}));
    for (let i = 0; i < 15; i++) await (await fetch(origin)).text();
    await nextTurn();
    expect(requests).toHaveLength(15);
    expect(watch.warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  } finally {
    watch.stop();
  }
});
