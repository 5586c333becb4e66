import { request as httpRequest } from 'node:http';
import { lambda } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';
import { textParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { eventually, sseEventReader, timerFunctions, type SseEvent } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, toNodeListener } from '../index.js';
import { serve, type TestServer } from '../test-support/serve.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const close of cleanup.splice(0).reverse()) await close();
});

/** The runs' waits in virtual time; the sockets stay real. */
const fakeRunClock = (): void => void vi.useFakeTimers({ toFake: [...timerFunctions] });

async function started(handler: ReturnType<typeof createHandler>): Promise<TestServer> {
  const server = await serve(handler);
  cleanup.push(() => server.close());
  return server;
}

function readEvents(response: Response, until: (event: SseEvent) => boolean): Promise<SseEvent[]> {
  return sseEventReader(response)(until);
}

function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: signal ?? null });
}

describe('toNodeListener', () => {
  it('streams events as they are produced, before the run completes', async () => {
    fakeRunClock();
    const slow = fakeRunnable(['a', 'b', 'c', 'd'], { delayMs: 60 });
    const server = await started(createHandler(slow));
    const response = await postJson(`${server.url}/stream`, { input: 1 });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const read = sseEventReader(response);
    const first = read((e) => e.event === 'data');
    await vi.advanceTimersByTimeAsync(60);
    expect((await first).map((e) => e.event)).toEqual(['metadata', 'data']);
    expect((await first).at(-1)?.data).toBe('"a"');
    expect(slow.active).toBe(1); // still running
    const rest = read((e) => e.event === 'end');
    await vi.advanceTimersByTimeAsync(180);
    expect((await rest).map((e) => e.data)).toEqual(['"b"', '"c"', '"d"', '{}']);
  });

  it('cancels the run when the client disconnects mid-stream', async () => {
    fakeRunClock();
    const slow = fakeRunnable(Array.from({ length: 50 }, (_, i) => `${i}`), { delayMs: 20 });
    const server = await started(createHandler(slow));
    const client = new AbortController();
    const response = await postJson(`${server.url}/stream`, { input: 1 }, client.signal);
    const first = readEvents(response, (e) => e.event === 'data');
    await vi.advanceTimersByTimeAsync(20);
    await first;
    client.abort();
    await eventually(() => slow.cancelled === 1);
    expect(slow.active).toBe(0);
  });

  it('cancels an invoke when the client disconnects', async () => {
    fakeRunClock(); // and never moved: the run is still waiting for its first chunk when the client leaves
    const slow = fakeRunnable(['a', 'b', 'c'], { delayMs: 200 });
    const server = await started(createHandler(slow));
    const client = new AbortController();
    const pending = postJson(`${server.url}/invoke`, { input: 1 }, client.signal).catch((error: unknown) => error);
    await eventually(() => slow.active === 1);
    client.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    await eventually(() => slow.cancelled === 1);
  });

  describe('with a model behind the handler', () => {
    let mock: MockOpenAIServer;
    afterEach(async () => mock.close());

    it('aborts the model’s HTTP request when the client disconnects', async () => {
      mock = await startMockOpenAIServer({ text: 'lorem ipsum '.repeat(200), chunkSize: 2, delayMs: 10 });
      const model = new OpenAIChatModel({ model: 'mock-model', apiKey: 'test', baseURL: mock.url, maxRetries: 0 });
      const server = await started(createHandler(promptTemplate('Write about {topic}').pipe(model).pipe(textParser())));
      const client = new AbortController();
      const response = await postJson(`${server.url}/stream`, { input: { topic: 'rivers' } }, client.signal);
      const first = await readEvents(response, (e) => e.event === 'data');
      expect(first.at(-1)?.data).toMatch(/^"/);
      client.abort();
      await eventually(() => mock.requests[0]?.closedEarly === true);
      expect(mock.requests).toHaveLength(1);
    });

    it('streams a model’s message chunks as JSON data events', async () => {
      mock = await startMockOpenAIServer({ text: 'Hello there', chunkSize: 4 });
      const model = new OpenAIChatModel({ model: 'mock-model', apiKey: 'test', baseURL: mock.url, maxRetries: 0 });
      const server = await started(createHandler(model));
      const events = await readEvents(await postJson(`${server.url}/stream`, { input: 'hi' }), (e) => e.event === 'end');
      const chunks = events.filter((e) => e.event === 'data').map((e) => JSON.parse(e.data) as { role: string; chunk: boolean; content: string });
      expect(chunks.every((c) => c.role === 'ai' && c.chunk)).toBe(true);
      expect(chunks.map((c) => c.content).join('')).toBe('Hello there');
    });
  });

  it('answers 413 to an oversized body, announced or chunked, without reading it all', async () => {
    const server = await started(createHandler(fakeRunnable(['x']), { maxBodyBytes: 1000 }));
    const send = (chunked: boolean): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        const url = new URL(`${server.url}/invoke`);
        const total = 5_000_000;
        const req = httpRequest(url, { method: 'POST', headers: chunked ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', 'content-length': String(total) } });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        });
        req.on('error', reject);
        req.write(`{"input": "${'x'.repeat(2000)}`); // over the limit; the rest never needs to come
      });
    for (const chunked of [false, true]) {
      const { status, body } = await send(chunked);
      expect(status).toBe(413);
      expect(JSON.parse(body)).toMatchObject({ error: { name: 'InputError' } });
    }
  });

  it('uses a body a framework already parsed (Express with express.json())', async () => {
    const listener = toNodeListener(createHandler(lambda((x: { n: number }) => x.n + 1)));
    const server = await serve(async () => new Response()); // replaced below
    cleanup.push(() => server.close());
    server.server.removeAllListeners('request');
    server.server.on('request', (req, res) => {
      let text = '';
      req.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => {
        (req as typeof req & { body: unknown }).body = JSON.parse(text);
        listener(req, res);
      });
    });
    const response = await postJson(`${server.url}/invoke`, { input: { n: 41 } });
    expect(await response.json()).toEqual({ output: 42 });
  });

  it('streams a large answer intact through backpressure', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024);
    const server = await started(createHandler(lambda(() => big), { maxBodyBytes: 100 }));
    const response = await postJson(`${server.url}/invoke`, { input: 0 });
    expect(((await response.json()) as { output: string }).output.length).toBe(big.length);
  });

  it('answers 404 and 405 through node too', async () => {
    const server = await started(createHandler(fakeRunnable(['x'])));
    expect((await fetch(`${server.url}/stream`)).status).toBe(405);
    expect((await postJson(`${server.origin}/`, {})).status).toBe(404);
  });
});
