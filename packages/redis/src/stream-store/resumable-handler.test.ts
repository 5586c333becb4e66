import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeRunnable } from '@rivulet/core/testing';
import { createHandler, RemoteRunnable, toNodeListener } from '@rivulet/server';
import { resumeRunStream } from '@rivulet/server/client';
import { eventually } from '@rivulet/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { useRedisServer } from '../test-support/redis-server.js';
import { RedisStreamStore } from './redis-stream-store.js';

// Two server processes (two handlers, each with its own store and connections) sharing one Redis.
const redis = useRedisServer();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const words = Array.from({ length: 80 }, (_, i) => `word${i} `);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/run`;
}

async function twoProcesses(delayMs: number) {
  const prefix = redis.prefix();
  const make = async () => {
    const source = fakeRunnable(words, { delayMs });
    const store = new RedisStreamStore({ url: redis.url }, { prefix, checkEveryMs: 50 });
    closers.push(() => store.close());
    return { source, url: await listen(createServer(toNodeListener(createHandler(source, { resumable: store })))) };
  };
  return { a: await make(), b: await make() };
}

async function startRun(url: string): Promise<{ runId: string; controller: AbortController }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/stream`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":"go"}', signal: controller.signal });
  const reader = response.body!.getReader();
  let text = '';
  while (!/event: metadata\ndata: .*\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
  return { runId: (JSON.parse(/event: metadata\ndata: (.*)\n/.exec(text)![1]!) as { runId: string }).runId, controller };
}

// A fetch that breaks the body of the first stream it opens after `bytes` bytes, as a dropped connection does, and sends every GET to `elsewhere`.
function flakyFetch(bytes: number, from: string, elsewhere: string): typeof fetch & { resumed: number } {
  let cut = false;
  const flaky = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (init?.method === 'GET') {
      flaky.resumed++;
      return fetch(url.replace(from, elsewhere), init);
    }
    const response = await fetch(url, init);
    if (cut || !url.endsWith('/stream')) return response;
    cut = true;
    const reader = response.body!.getReader();
    let left = bytes;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        if (value.length < left) {
          left -= value.length;
          return controller.enqueue(value);
        }
        controller.enqueue(value.subarray(0, left));
        await reader.cancel();
        controller.error(new TypeError('terminated'));
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  flaky.resumed = 0;
  return flaky;
}

describe('resumable streams across processes sharing a RedisStreamStore', () => {
  it('a run started on one process is followed from another after the client lost it', async () => {
    const { a, b } = await twoProcesses(2);
    const { runId, controller } = await startRun(a.url);
    controller.abort();
    const chunks: string[] = [];
    for await (const item of resumeRunStream<string>(b.url, runId)) if (item.type === 'chunk') chunks.push(item.value);
    expect(chunks.join('')).toBe(words.join(''));
    expect(a.source.cancelled).toBe(0);
  });

  it('RemoteRunnable reconnects to the other process mid-stream and sees every chunk once', async () => {
    const { a, b } = await twoProcesses(2);
    const origin = new URL(a.url).origin;
    const flaky = flakyFetch(700, origin, new URL(b.url).origin);
    const remote = new RemoteRunnable<unknown, string>({ url: a.url, fetch: flaky, reconnect: { delayMs: 1 } });
    expect(await remote.invoke('go')).toBe(words.join(''));
    expect(flaky.resumed).toBe(1);
    expect(b.source.inputs).toEqual([]); // b only served the catch-up and the live events
  });

  it('a stop sent to the other process cancels the run where it runs', async () => {
    const { a, b } = await twoProcesses(50);
    const { runId, controller } = await startRun(a.url);
    const stopped = await fetch(`${b.url}/stop/${runId}`, { method: 'POST' });
    expect(await stopped.json()).toEqual({ stopped: true });
    await eventually(() => a.source.cancelled === 1, 'the run on the first process to be cancelled');
    controller.abort();
  });
});
