import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lambda, ProviderError } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { jsonParser } from '@rivulet/parsers';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandler, type RequestHandler } from '../index.js';
import { serve } from '../test-support/serve.js';
import { invokeRunnable, RemoteError, routeUrl, streamRunnable, subscribeRunnable, type StreamCallbacks } from './index.js';
import { eventually } from '@rivulet/test-kit';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function url(handler: RequestHandler): Promise<string> {
  const server = await serve(handler);
  cleanup.push(() => server.close());
  return server.url;
}

const plan = { destination: 'Lisbon', days: [{ day: 1, title: 'Alfama' }, { day: 2, title: 'Belém' }] };
const planParser = fakeRunnable(JSON.stringify(plan).match(/.{1,6}/g)!, { delayMs: 2 }).pipe(jsonParser());

describe('streamRunnable', () => {
  it('iterates over the chunks of a delta stream', async () => {
    const values: string[] = [];
    for await (const chunk of streamRunnable<string>(await url(createHandler(fakeRunnable(['Hel', 'lo'], { delayMs: 1 }))), 'x')) values.push(chunk);
    expect(values).toEqual(['Hel', 'lo']);
  });

  it('iterates over snapshots rebuilt from patches, sharing unchanged subtrees', async () => {
    const snapshots: (typeof plan)[] = [];
    for await (const snapshot of streamRunnable<typeof plan>(await url(createHandler(planParser)), null)) snapshots.push(snapshot);
    expect(snapshots.length).toBeGreaterThan(3);
    expect(snapshots.at(-1)).toEqual(plan);
    const [previous, last] = snapshots.slice(-2);
    expect(last!.days[0]).toBe(previous!.days[0]);
  });

  it('throws the server’s error as a RemoteError carrying its fields', async () => {
    const failing = fakeRunnable(['a'], { error: new ProviderError('down', { provider: 'openai', status: 503 }) });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of streamRunnable<string>(await url(createHandler(failing)), 1)) seen.push(chunk);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a']);
    expect(RemoteError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'ProviderError', message: 'down', data: { provider: 'openai', status: 503 } });
  });

  it('rejects with the 400 error of a bad request, with its status', async () => {
    const strict = createHandler(lambda((x: string) => x), { inputSchema: z.string() });
    const error = await streamRunnable(await url(strict), 1)
      .next()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InputError', status: 400, data: { issues: [expect.objectContaining({ path: ['input'] })] } });
  });

  it('closes the connection when the loop breaks, cancelling the server run', async () => {
    const slow = fakeRunnable(Array.from({ length: 100 }, (_, i) => i), { delayMs: 20 });
    for await (const chunk of streamRunnable<number>(await url(createHandler(slow)), 1)) if (chunk === 1) break;
    await eventually(() => slow.cancelled === 1);
  });
});

describe('subscribeRunnable', () => {
  function record<T>(): StreamCallbacks<T> & { calls: unknown[][] } {
    const calls: unknown[][] = [];
    return {
      calls,
      onChunk: (c) => calls.push(['chunk', c]),
      onSnapshot: (s) => calls.push(['snapshot', s]),
      onError: (e) => calls.push(['error', e]),
      onDone: (info) => calls.push(['done', info]),
    };
  }

  it('reports chunks, then done', async () => {
    const callbacks = record<string>();
    await subscribeRunnable(await url(createHandler(fakeRunnable(['a', 'b'], { delayMs: 1 }))), 1, callbacks).done;
    expect(callbacks.calls).toEqual([['chunk', 'a'], ['chunk', 'b'], ['done', { stopped: false }]]);
  });

  it('reports snapshots for structured output', async () => {
    const callbacks = record<typeof plan>();
    await subscribeRunnable(await url(createHandler(planParser)), null, callbacks).done;
    expect(callbacks.calls.at(-2)).toEqual(['snapshot', plan]);
    expect(callbacks.calls.at(-1)).toEqual(['done', { stopped: false }]);
  });

  it('stops: the server run is cancelled and onDone says stopped', async () => {
    const slow = fakeRunnable(Array.from({ length: 100 }, (_, i) => i), { delayMs: 20 });
    const callbacks = record<number>();
    const run = subscribeRunnable(await url(createHandler(slow)), 1, callbacks);
    await eventually(() => callbacks.calls.length >= 2);
    run.stop();
    run.stop();
    await run.done;
    expect(callbacks.calls.at(-1)).toEqual(['done', { stopped: true }]);
    expect(callbacks.calls.filter(([kind]) => kind === 'done' || kind === 'error')).toHaveLength(1);
    await eventually(() => slow.cancelled === 1);
  });

  it('stops through an outer signal too', async () => {
    const controller = new AbortController();
    controller.abort();
    const callbacks = record<number>();
    await subscribeRunnable(await url(createHandler(fakeRunnable([1]))), 1, { ...callbacks, signal: controller.signal }).done;
    expect(callbacks.calls).toEqual([['done', { stopped: true }]]);
  });

  it('reports a server error once through onError, and a throwing callback the same way', async () => {
    const failing = createHandler(fakeRunnable(['a'], { error: new ProviderError('down', { provider: 'x' }) }));
    const callbacks = record<string>();
    await subscribeRunnable(await url(failing), 1, callbacks).done;
    expect(callbacks.calls.map(([kind]) => kind)).toEqual(['chunk', 'error']);
    expect(callbacks.calls[1]?.[1]).toMatchObject({ name: 'ProviderError' });
    const boom = new Error('render failed');
    const errors: unknown[] = [];
    await subscribeRunnable(await url(createHandler(fakeRunnable(['a', 'b']))), 1, { onChunk: () => { throw boom; }, onError: (e) => errors.push(e) }).done;
    expect(errors).toEqual([boom]);
  });
});

describe('invokeRunnable and routeUrl', () => {
  it('invokes and sends headers', async () => {
    const base = await url(async (request) => createHandler(lambda((x: string) => `${x} ${request.headers.get('x-user')}`))(request));
    expect(await invokeRunnable(base, 'hi', { headers: { 'x-user': 'ana' } })).toBe('hi ana');
  });

  it.each([
    ['/api/trip', '/api/trip/stream'],
    ['/api/trip/', '/api/trip/stream'],
    ['https://h/api?key=1', 'https://h/api/stream?key=1'],
  ])('routes %s to %s', (base, expected) => expect(routeUrl(base, 'stream')).toBe(expected));
});

describe('the browser client', () => {
  it('imports nothing but its own files, the patch applier and the SSE decoder (types of core are erased)', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const imports = [...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/^(import|export)( type)?[^;]*? from '([^']+)'/gm)];
      for (const [, , typeOnly, specifier] of imports) {
        const allowed = /^\.\/|^@rivulet\/parsers\/patch$|^@rivulet\/provider-utils\/sse$/.test(specifier!) || (typeOnly !== undefined && specifier === '@rivulet/core');
        expect([file, specifier]).toSatisfy(() => allowed);
      }
    }
  });
});
