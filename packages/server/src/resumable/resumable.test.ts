import { parallel, type Runnable } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';
import { jsonParser, textParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { afterEach, describe, expect, it } from 'vitest';
import { resumeRunStream } from '../client/resume-run-stream.js';
import { streamRunnable } from '../client/stream-runnable.js';
import { createHandler } from '../handler/create-handler.js';
import { RemoteRunnable } from '../remote/remote-runnable.js';
import { startCuttingProxy, type CuttingProxy } from '../test-support/cutting-proxy.js';
import { serve, type TestServer } from '../test-support/serve.js';
import { InMemoryStreamStore } from './in-memory-stream-store.js';
import { eventually, parseSse, pause } from '@rivulet/test-kit';

const words = Array.from({ length: 60 }, (_, i) => `word${i} `);
const plan = { destination: 'Lisbon', days: Array.from({ length: 12 }, (_, i) => ({ day: i + 1, activities: [`walk ${i}`, `eat ${i}`] })) };
const planText = JSON.stringify(plan);
const planChunks = Array.from({ length: Math.ceil(planText.length / 7) }, (_, i) => planText.slice(i * 7, i * 7 + 7));
const fast = { delayMs: 1, maxDelayMs: 1 };

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const closer of closers.splice(0).reverse()) await closer.close();
});

async function served<I>(runnable: Runnable<I, unknown, unknown>, store = new InMemoryStreamStore()): Promise<TestServer & { store: InMemoryStreamStore }> {
  const server = await serve(createHandler(runnable, { resumable: store }));
  closers.push(server);
  return { ...server, store };
}

async function proxied(server: TestServer, cutAfterBytes: readonly number[]): Promise<CuttingProxy & { url: string }> {
  const proxy = await startCuttingProxy(server.origin, cutAfterBytes);
  closers.push(proxy);
  return Object.assign(proxy, { url: `${proxy.origin}/api/run` });
}

/** Starts a run with a plain fetch; `rest()` reads the rest of its stream (with what came with the metadata). */
async function startRun(url: string, input: unknown): Promise<{ runId: string; rest(): Promise<string>; controller: AbortController }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/stream`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }), signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!/event: metadata\ndata: .*\n/.test(text)) text += decoder.decode((await reader.read()).value, { stream: true });
  const runId = (JSON.parse(/event: metadata\ndata: (.*)\n/.exec(text)![1]!) as { runId: string }).runId;
  const rest = async (): Promise<string> => {
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
    return text;
  };
  return { runId, rest, controller };
}

describe('resumable streams over a connection that drops', () => {
  it('RemoteRunnable reconnects by itself and gives every text chunk exactly once', async () => {
    const server = await served(fakeRunnable(words, { delayMs: 2 }));
    const proxy = await proxied(server, [400, 700]);
    const remote = new RemoteRunnable<unknown, string>({ url: proxy.url, reconnect: fast });
    const chunks: string[] = [];
    for await (const chunk of remote.stream('go')) chunks.push(chunk);
    expect(proxy.cuts).toBe(2);
    expect(chunks.join('')).toBe(words.join(''));
  });

  it('rebuilds snapshots across the cut: they keep growing, and the last is the whole document', async () => {
    const server = await served(fakeRunnable(planChunks, { delayMs: 2 }).pipe(jsonParser()));
    const proxy = await proxied(server, [600, 900]);
    const remote = new RemoteRunnable<unknown, typeof plan>({ url: proxy.url, reconnect: fast });
    const sizes: number[] = [];
    let last: unknown;
    for await (const snapshot of remote.stream('go')) {
      sizes.push(JSON.stringify(snapshot).length);
      last = snapshot;
    }
    expect(proxy.cuts).toBe(2);
    expect(last).toEqual(plan);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it('invoke through the flaky connection equals invoke on the server, for keyed text and snapshots', async () => {
    const both = parallel({ text: fakeRunnable(words, { delayMs: 2 }), plan: fakeRunnable(planChunks, { delayMs: 2 }).pipe(jsonParser()) });
    const server = await served(both);
    const proxy = await proxied(server, [500, 1500, 2500]);
    const remote = new RemoteRunnable({ url: proxy.url, reconnect: fast });
    expect(await remote.invoke('go')).toEqual(await both.invoke('go'));
    expect(proxy.cuts).toBe(3);
  });

  it('the browser client reconnects the same way', async () => {
    const server = await served(fakeRunnable(words, { delayMs: 2 }));
    const proxy = await proxied(server, [450]);
    const chunks: string[] = [];
    for await (const chunk of streamRunnable<string>(proxy.url, 'go', { reconnect: fast })) chunks.push(chunk);
    expect(proxy.cuts).toBe(1);
    expect(chunks.join('')).toBe(words.join(''));
  });

  it('a page that reloads follows its run again by id: the text so far in one chunk, then the rest live', async () => {
    const server = await served(fakeRunnable(words, { delayMs: 3 }));
    const { runId, controller } = await startRun(server.url, 'go');
    controller.abort(); // the page went away without a word
    for (let info = await server.store.get(runId); (info?.lastEventId ?? 0) < 10; info = await server.store.get(runId)) await pause(5);
    const items = [];
    for await (const item of resumeRunStream<string>(server.url, runId)) items.push(item);
    expect(items[0]).toMatchObject({ type: 'metadata', runId, resumable: true });
    const chunks = items.flatMap((item) => (item.type === 'chunk' ? [item.value] : []));
    expect(chunks.join('')).toBe(words.join(''));
    expect(chunks.length).toBeLessThan(words.length); // what had been written came as one chunk
    await expect(resumeRunStream(server.url, 'expired-run').next()).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });

  it('gives up after the retries with a TruncatedStreamError carrying the partial value, and leaves the run running', async () => {
    const source = fakeRunnable(planChunks, { delayMs: 5 }).pipe(jsonParser());
    const server = await served(source);
    const proxy = await proxied(server, [600, 300, 300]);
    const remote = new RemoteRunnable<unknown, typeof plan>({ url: proxy.url, reconnect: { retries: 2, ...fast } });
    const error = await remote.invoke('go').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TruncatedStreamError' });
    expect('Lisbon').toContain((error as { partial?: { destination?: string } }).partial?.destination);
    expect(proxy.cuts).toBe(3);
  });

  it('without reconnect, a cut ends the stream with TruncatedStreamError at once', async () => {
    const server = await served(fakeRunnable(words, { delayMs: 2 }));
    const proxy = await proxied(server, [400]);
    const remote = new RemoteRunnable({ url: proxy.url, reconnect: false });
    await expect(remote.invoke('go')).rejects.toMatchObject({ name: 'TruncatedStreamError' });
  });

  it('a run that expired while the client was away ends in TruncatedStreamError, caused by the 404', async () => {
    const server = await served(fakeRunnable(words), new InMemoryStreamStore({ finishedTtlMs: 1 }));
    const proxy = await proxied(server, [500]); // after the metadata: the client knows the run
    const remote = new RemoteRunnable({ url: proxy.url, reconnect: { delayMs: 100, maxDelayMs: 100 } });
    const error = await remote.invoke('go').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TruncatedStreamError', message: expect.stringMatching(/Resuming it failed: No run ".*": it never existed here or it expired/) as unknown });
    expect(((error as Error).cause as Error).message).toMatch(/^No run/);
  });
});

describe('GET {base}/stream/{runId}', () => {
  it('answers a late reader with the state so far in one compact catch-up, whatever the number of events', async () => {
    const source = fakeRunnable(planChunks).pipe(jsonParser());
    const server = await served(source);
    const { runId, rest } = await startRun(server.url, 'go');
    await rest();
    const events = parseSse(await (await fetch(`${server.url}/stream/${runId}`)).text());
    expect(events.map((e) => e.event)).toEqual(['metadata', 'patch', 'end']);
    expect(JSON.parse(events[1]!.data)).toEqual([{ op: 'add', path: '', value: plan }]);
    const info = await server.store.get(runId);
    expect(events[2]!.id).toBe(String(info!.lastEventId));
  });

  it('sends only what came after Last-Event-ID, joined', async () => {
    const server = await served(fakeRunnable(words, { delayMs: 1 }));
    const { runId, rest } = await startRun(server.url, 'go');
    const live = parseSse(await rest()).filter((e) => e.event === 'data');
    const cut = live[9]!; // the client saw up to here
    const seen = live.slice(0, 10).map((e) => JSON.parse(e.data) as string).join('');
    const events = parseSse(await (await fetch(`${server.url}/stream/${runId}`, { headers: { 'last-event-id': cut.id! } })).text());
    expect(events.map((e) => e.event)).toEqual(['metadata', 'data', 'end']);
    expect(seen + (JSON.parse(events[1]!.data) as string)).toBe(words.join(''));
  });

  it('follows a running run live after the catch-up, from any number of readers', async () => {
    const server = await served(fakeRunnable(words, { delayMs: 3 }));
    const { runId, rest } = await startRun(server.url, 'go');
    const readers = await Promise.all([1, 2, 3].map(() => fetch(`${server.url}/stream/${runId}`).then((r) => r.text())));
    const own = await rest();
    for (const text of [own, ...readers]) {
      const data = parseSse(text).filter((e) => e.event === 'data').map((e) => JSON.parse(e.data) as string);
      expect(data.join('')).toBe(words.join(''));
    }
  });

  it('answers 404 for an unknown run, 400 for a malformed Last-Event-ID, 405 for another method', async () => {
    const server = await served(fakeRunnable(words));
    expect((await fetch(`${server.url}/stream/nope`)).status).toBe(404);
    const { runId, rest } = await startRun(server.url, 'go');
    await rest();
    const bad = await fetch(`${server.url}/stream/${runId}`, { headers: { 'last-event-id': 'x1' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { name: 'InputError' } });
    const wrong = await fetch(`${server.url}/stream/${runId}`, { method: 'DELETE' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET']);
  });

  it('is not served by a handler without resumable', async () => {
    const server = await serve(createHandler(fakeRunnable(words)));
    closers.push(server);
    expect((await fetch(`${server.url}/stream/anything`)).status).toBe(404);
    expect((await fetch(`${server.url}/stop/anything`, { method: 'POST' })).status).toBe(404);
  });
});

describe('stopping a resumable run', () => {
  let mock: MockOpenAIServer;
  afterEach(async () => mock?.close());

  async function modelServer(): Promise<TestServer & { store: InMemoryStreamStore }> {
    mock = await startMockOpenAIServer({ text: 'lorem ipsum '.repeat(300), chunkSize: 3, delayMs: 5 });
    const model = new OpenAIChatModel({ model: 'mock-model', apiKey: 'test', baseURL: mock.url, maxRetries: 0 });
    return served(promptTemplate('Write about {topic}').pipe(model).pipe(textParser()));
  }

  it('a client that goes away does not cancel the run: it runs to its end', async () => {
    const server = await served(fakeRunnable(words, { delayMs: 2 }));
    const { runId, controller } = await startRun(server.url, 'go');
    controller.abort();
    let info = await server.store.get(runId);
    for (let i = 0; i < 500 && info?.status !== 'finished'; i++) {
      await pause(10);
      info = await server.store.get(runId);
    }
    expect(info?.status).toBe('finished');
    const events = parseSse(await (await fetch(`${server.url}/stream/${runId}`)).text());
    expect(events.map((e) => e.event)).toEqual(['metadata', 'data', 'end']);
  });

  it('POST {base}/stop/{runId} cancels it down to the model request, from any client', async () => {
    const server = await modelServer();
    const { runId, rest } = await startRun(server.url, { topic: 'rivers' });
    const stopped = await fetch(`${server.url}/stop/${runId}`, { method: 'POST' });
    expect(await stopped.json()).toEqual({ stopped: true });
    const events = parseSse(await rest());
    expect(events.at(-2)).toMatchObject({ event: 'error' });
    expect(JSON.parse(events.at(-2)!.data)).toMatchObject({ name: 'AbortError' });
    await eventually(() => mock.requests[0]?.closedEarly === true);
    expect(await (await fetch(`${server.url}/stop/${runId}`, { method: 'POST' })).json()).toEqual({ stopped: false });
    expect((await fetch(`${server.url}/stop/unknown-run`, { method: 'POST' })).status).toBe(404);
  });

  it('a consumer that stops reading stops the run on the server (the client sends the stop)', async () => {
    const server = await modelServer();
    const remote = new RemoteRunnable<{ topic: string }, string>({ url: server.url });
    let seen = '';
    for await (const chunk of remote.stream({ topic: 'rivers' })) {
      seen += chunk;
      if (seen.length > 20) break;
    }
    await eventually(() => mock.requests[0]?.closedEarly === true);
  });

  it('so does aborting the signal', async () => {
    const server = await modelServer();
    const remote = new RemoteRunnable<{ topic: string }, string>({ url: server.url });
    const controller = new AbortController();
    const done = (async () => {
      for await (const chunk of remote.stream({ topic: 'rivers' }, { signal: controller.signal })) if (chunk.length > 0) controller.abort();
    })();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    await eventually(() => mock.requests[0]?.closedEarly === true);
  });
});
