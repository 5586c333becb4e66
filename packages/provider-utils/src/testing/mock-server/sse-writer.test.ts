import { afterEach, expect, test } from 'vitest';
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
  server = await startMockHttpServer({
    handle: async (exchange) => {
      const sse = new SseWriter(exchange);
      sse.start();
      for (let i = 0; i < 64; i++) if (await sse.event(big)) writes += 1;
      sse.end();
    },
  });
  const response = await fetch(server.origin);
  const reader = response.body!.getReader();
  await reader.read();
  await new Promise((resolve) => setTimeout(resolve, 100));
  // 64 × 256 KiB = 16 MiB would be queued by now without backpressure.
  expect(writes).toBeLessThan(64);
  await reader.cancel();
});
