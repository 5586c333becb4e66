import OpenAI from 'openai';
import { describe, expect, test, vi } from 'vitest';
import { useMockOpenAIClient } from '../test-support/mock-openai-client.js';

const mock = useMockOpenAIClient();
const start = mock.start;

const params = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }], stream: true as const };

// No wall-clock bounds: a promise that never settles is a hang, which the
// test timeout reports by name; a bound in milliseconds would only measure load.

/** Resolves once the mock server holds a request (polling, bounded by the test timeout, not by a clock). */
const requestArrived = (): Promise<void> =>
  vi.waitFor(() => expect(mock.server().requests.length).toBeGreaterThan(0), { timeout: 15_000, interval: 5 });

describe('client aborts', () => {
  test('aborting mid-stream closes the socket and marks the request closedEarly; the SDK iterator just ends', async () => {
    const client = await start({ text: 'a'.repeat(40), delayMs: 20 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(params, { signal: controller.signal });
    let received = 0;
    for await (const _chunk of stream) {
      received += 1;
      if (received === 2) controller.abort();
    }
    // No error: the SDK swallows its own abort and ends the iteration.
    expect(received).toBe(2);
    const [request] = mock.server().requests;
    await request!.settled;
    await request!.socketClosed;
    expect(request).toMatchObject({ outcome: 'client-closed', closedEarly: true, status: 200 });
    expect(request!.eventsSent).toBeLessThan(12);
  });

  test('closedEarly turns true promptly while the server is silent (stalled), not at its next write', async () => {
    const client = await start({ text: 'abcdefgh', stallAfterChunks: 1 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(params, { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    const [request] = mock.server().requests;
    // The stall never ends by itself: the request settles only if the server
    // notices the client leaving while silent (else this waits forever and the test times out).
    await request!.settled;
    expect(request!.closedEarly).toBe(true);
    await expect(iterator.next()).resolves.toMatchObject({ done: true });
  });

  test('breaking out of the loop aborts the request too', async () => {
    const client = await start({ text: 'a'.repeat(40), delayMs: 20 });
    const stream = await client.chat.completions.create(params);
    for await (const _chunk of stream) break;
    const [request] = mock.server().requests;
    await request!.socketClosed;
    expect(request!.closedEarly).toBe(true);
  });

  test('aborting before headers rejects create() with APIUserAbortError', async () => {
    const client = await start({ text: 'x', headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.chat.completions.create(params, { signal: controller.signal }).catch((e: unknown) => e);
    // Abort once the server holds the request (a fixed timer lost that race on a loaded machine).
    await requestArrived();
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(OpenAI.APIUserAbortError);
    expect((error as Error).message).toBe('Request was aborted.');
    const [request] = mock.server().requests;
    await request!.settled;
    expect(request).toMatchObject({ outcome: 'client-closed', closedEarly: true, status: undefined });
  });
});

describe('close()', () => {
  test('does not hang with a stream stalled forever; the client sees a torn stream', async () => {
    const client = await start({ text: 'abcdefgh', stallAfterChunks: 1 });
    const stream = await client.chat.completions.create(params);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await mock.server().close();
    await expect(iterator.next()).rejects.toThrow('terminated');
    expect(mock.server().requests[0]).toMatchObject({ outcome: 'server-dropped', closedEarly: false });
  });

  test('does not hang with idle keep-alive connections, and can be called twice', async () => {
    const client = await start({ text: 'ok' });
    await client.chat.completions.create({ ...params, stream: false });
    await client.chat.completions.create({ ...params, stream: false });
    await Promise.all([mock.server().close(), mock.server().close()]);
    await mock.server().requests[0]!.socketClosed;
  });

  test('does not hang while a reply waits before its headers', async () => {
    const client = await start({ text: 'x', headersDelayMs: 60_000 });
    const pending = client.chat.completions.create(params).catch((e: unknown) => e);
    await requestArrived();
    await mock.server().close();
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });
});
