import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { useMockOpenAIClient } from '../test-support/mock-openai-client.js';

const mock = useMockOpenAIClient();
const start = mock.start;

const params = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }], stream: true as const };

/** Fails instead of hanging when a promise does not settle in time. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${ms}ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

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
    await within(request!.settled, 1_000);
    await within(request!.socketClosed, 1_000);
    expect(request).toMatchObject({ outcome: 'client-closed', closedEarly: true, status: 200 });
    expect(request!.eventsSent).toBeLessThan(12);
  });

  test('closedEarly turns true promptly while the server is silent (stalled), not at its next write', async () => {
    const client = await start({ text: 'abcdefgh', stallAfterChunks: 1 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(params, { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const abortedAt = Date.now();
    controller.abort();
    const [request] = mock.server().requests;
    await within(request!.settled, 500);
    expect(request!.closedEarly).toBe(true);
    expect(Date.now() - abortedAt).toBeLessThan(500);
    await expect(iterator.next()).resolves.toMatchObject({ done: true });
  });

  test('breaking out of the loop aborts the request too', async () => {
    const client = await start({ text: 'a'.repeat(40), delayMs: 20 });
    const stream = await client.chat.completions.create(params);
    for await (const _chunk of stream) break;
    const [request] = mock.server().requests;
    await within(request!.socketClosed, 1_000);
    expect(request!.closedEarly).toBe(true);
  });

  test('aborting before headers rejects create() with APIUserAbortError', async () => {
    const client = await start({ text: 'x', headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.chat.completions.create(params, { signal: controller.signal }).catch((e: unknown) => e);
    // Abort once the server holds the request (a fixed timer lost that race on a loaded machine).
    await within(
      (async () => {
        while (mock.server().requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      })(),
      1_000,
    );
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(OpenAI.APIUserAbortError);
    expect((error as Error).message).toBe('Request was aborted.');
    const [request] = mock.server().requests;
    await within(request!.settled, 1_000);
    expect(request).toMatchObject({ outcome: 'client-closed', closedEarly: true, status: undefined });
  });
});

describe('close()', () => {
  test('does not hang with a stream stalled forever; the client sees a torn stream', async () => {
    const client = await start({ text: 'abcdefgh', stallAfterChunks: 1 });
    const stream = await client.chat.completions.create(params);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await within(mock.server().close(), 1_000);
    await expect(iterator.next()).rejects.toThrow('terminated');
    expect(mock.server().requests[0]).toMatchObject({ outcome: 'server-dropped', closedEarly: false });
  });

  test('does not hang with idle keep-alive connections, and can be called twice', async () => {
    const client = await start({ text: 'ok' });
    await client.chat.completions.create({ ...params, stream: false });
    await client.chat.completions.create({ ...params, stream: false });
    await within(Promise.all([mock.server().close(), mock.server().close()]), 1_000);
    await within(mock.server().requests[0]!.socketClosed, 1_000);
  });

  test('does not hang while a reply waits before its headers', async () => {
    const client = await start({ text: 'x', headersDelayMs: 60_000 });
    const pending = client.chat.completions.create(params).catch((e: unknown) => e);
    await within(
      (async () => {
        while (mock.server().requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      })(),
      1_000,
    );
    await within(mock.server().close(), 1_000);
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });
});
