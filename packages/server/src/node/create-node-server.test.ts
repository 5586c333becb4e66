import { IncomingMessage, ServerResponse, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { lambda } from '@rivulet/core';
import { concat, finalize, NEVER, of } from 'rxjs';
import { eventually, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, createNodeServer, nodeServerTimeouts, toNodeListener } from '../index.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return (server.address() as AddressInfo).port;
}

describe('createNodeServer', () => {
  it('sets timeouts that close slow requests: 10 s for headers, 30 s for a request, checked every second', () => {
    const server = createNodeServer(createHandler(lambda((x: string) => x)));
    expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([10_000, 30_000, 5_000]);
    expect(nodeServerTimeouts).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 });
  });

  it('takes any option of http.createServer instead', async () => {
    const handler = createHandler(lambda((x: string) => x));
    const custom = createNodeServer(handler, { headersTimeout: 2_000, requestTimeout: 60_000, keepAliveTimeout: 65_000, maxHeaderSize: 1024 });
    expect([custom.headersTimeout, custom.requestTimeout, custom.keepAliveTimeout]).toEqual([2_000, 60_000, 65_000]);
    const port = await listen(custom);
    const bigHeaders = await fetch(`http://127.0.0.1:${port}/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-big': 'x'.repeat(2048) }, body: '{"input":"hi"}' });
    expect(bigHeaders.status).toBe(431);
    // A request timeout under the default headers timeout shortens it (Node refuses a longer one); 0 (none) leaves it.
    expect(createNodeServer(handler, { requestTimeout: 4_000 }).headersTimeout).toBe(4_000);
    expect(createNodeServer(handler, { requestTimeout: 0 }).headersTimeout).toBe(10_000);
  });

  it('serves the handler', async () => {
    const port = await listen(createNodeServer(createHandler(lambda((x: string) => x.toUpperCase()))));
    const response = await fetch(`http://127.0.0.1:${port}/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":"hi"}' });
    expect(await response.json()).toEqual({ output: 'HI' });
  });
});

describe('toNodeListener sendTimeoutMs', () => {
  /** A server streaming 8 MB at once and then nothing, and a raw client that asked for it and reads nothing. */
  async function stalledStream(sendTimeoutMs?: number) {
    const run = { cancelled: 0 };
    const burst = 'x'.repeat(8 * 1024 * 1024);
    const handler = createHandler(lambda(() => concat(of(burst), NEVER).pipe(finalize(() => run.cancelled++))), { heartbeatMs: 1e9 });
    const listener = toNodeListener(handler, sendTimeoutMs === undefined ? {} : { sendTimeoutMs });
    const responses: ServerResponse[] = [];
    const server = createNodeServer(async () => new Response());
    server.removeAllListeners('request');
    server.on('request', (req, res: ServerResponse) => (responses.push(res), listener(req, res)));
    const port = await listen(server);
    const client: Socket = connect(port, '127.0.0.1');
    cleanup.push(() => void client.destroy());
    const body = '{"input":null}';
    client.write(`POST /stream HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    client.pause();
    let closed = false;
    client.on('close', () => (closed = true));
    await eventually(() => responses[0]?.writableNeedDrain === true, 'the socket buffers to fill');
    return { run, response: responses[0]!, client, closed: () => closed };
  }

  it('disconnects a client that takes nothing for 60 s, which cancels its run', async () => {
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const { run, response, client, closed } = await stalledStream();
    vi.advanceTimersByTime(59_999);
    expect([response.destroyed, run.cancelled]).toEqual([false, 0]);
    vi.advanceTimersByTime(1);
    await eventually(() => run.cancelled === 1, 'the run to be cancelled');
    expect(response.destroyed).toBe(true);
    client.resume(); // reading what the kernel holds, the client reaches the end of a connection the server closed
    await eventually(closed, 'the client to see the connection closed');
  });

  it('never cuts a client that reads, however long it took', async () => {
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const { run, response, client } = await stalledStream(1_000);
    vi.advanceTimersByTime(999);
    let received = 0;
    client.on('data', (chunk: Buffer) => (received += chunk.byteLength));
    client.resume();
    await eventually(() => received > 8 * 1024 * 1024 && !response.writableNeedDrain, 'the client to read everything');
    vi.advanceTimersByTime(10_000); // the stream is idle now: nothing waits for the client
    expect([response.destroyed, run.cancelled]).toEqual([false, 0]);
  });

  it('disconnects a client that does not take the last bytes of a short answer', async () => {
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    // In memory: a socket that never completes a write, as one whose client reads nothing once the kernel's buffers are full.
    const socket = new Duplex({ read() {}, write() {} });
    const req = new IncomingMessage(socket as unknown as Socket);
    Object.assign(req, { method: 'POST', url: '/invoke', httpVersionMajor: 1, httpVersionMinor: 1, rawHeaders: ['Content-Type', 'application/json'], complete: true });
    req.push('{"input":"hi"}');
    req.push(null);
    const res = new ServerResponse(req);
    res.assignSocket(socket as unknown as Socket);
    toNodeListener(createHandler(lambda((x: string) => x)), { sendTimeoutMs: 1_000 })(req, res);
    await eventually(() => res.headersSent && res.writableEnded, 'the answer to be written');
    vi.advanceTimersByTime(999);
    expect([res.writableFinished, res.destroyed]).toEqual([false, false]);
    vi.advanceTimersByTime(1);
    expect(res.destroyed).toBe(true);
  });

  it('refuses a send timeout out of range', () => {
    const handler = createHandler(lambda((x: string) => x));
    for (const sendTimeoutMs of [0, -1, Number.NaN, 2 ** 31]) {
      expect(() => toNodeListener(handler, { sendTimeoutMs })).toThrow(/sendTimeoutMs must be from 1 to 2147483647 ms, or Infinity/);
    }
    expect(toNodeListener(handler, { sendTimeoutMs: Infinity })).toBeTypeOf('function');
  });
});
