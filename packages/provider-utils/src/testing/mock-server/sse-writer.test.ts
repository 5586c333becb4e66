import { afterEach, expect, test, vi } from 'vitest';
import { startMockHttpServer, type MockHttpServer } from './mock-http-server.js';
import { SseWriter } from './sse-writer.js';

let server: MockHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test('frames events as SSE: optional event name, one data line per line, a blank line after', async () => {
  server = await startMockHttpServer({
    handle: async (exchange) => {
      const sse = new SseWriter(exchange);
      sse.start({ headers: { 'x-extra': '1' } });
      await sse.json({ a: 1 });
      await sse.event('line one\nline two', 'note');
      sse.end();
    },
  });
  const response = await fetch(server.origin);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(response.headers.get('x-extra')).toBe('1');
  expect(await response.text()).toBe('data: {"a":1}\n\nevent: note\ndata: line one\ndata: line two\n\n');
  expect(server.requests[0]).toMatchObject({ status: 200, eventsSent: 2, outcome: 'finished' });
});

test('waits for each write to drain, so a large stream to a slow reader does not buffer unboundedly', async () => {
  const big = 'x'.repeat(256 * 1024);
  let writes = 0;
  let waiting = false;
  let finished = false;
  server = await startMockHttpServer({
    handle: async (exchange) => {
      const sse = new SseWriter(exchange);
      sse.start();
      for (let i = 0; i < 64; i++) {
        waiting = true;
        if (await sse.event(big)) writes += 1;
        waiting = false;
      }
      finished = true;
      sse.end();
    },
  });
  const response = await fetch(server.origin);
  const reader = response.body!.getReader();
  await reader.read();
  // Without backpressure the handler would run through all 64 writes (16 MiB
  // queued); with it, it ends up parked on a write the reader has not drained.
  await vi.waitFor(() => expect(finished || (waiting && writes > 0)).toBe(true));
  const parkedAt = writes;
  await vi.waitFor(() => expect(finished || writes === parkedAt).toBe(true));
  expect(finished).toBe(false);
  expect(writes).toBeLessThan(64);
  await reader.cancel();
});
