import { afterEach, describe, expect, it } from 'vitest';
import { lambda } from '@rivulet/core';
import { createHandler } from '@rivulet/server';
import { serveApp, type ServedApp } from './serve-app.js';

let app: ServedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const page = '<!doctype html><p id="hello">hello</p><script type="module" src="/page.js"></script>';
const shout = createHandler(lambda((text: string) => text.toUpperCase()));

describe('serveApp', () => {
  it('serves the page, its bundled script and the API routes, and nothing else', async () => {
    app = await serveApp({ page, script: { path: '/page.js', entry: new URL('./browser/trip-page.ts', import.meta.url) }, api: { '/api/shout/': shout } });
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const home = await fetch(app.url);
    expect([home.status, home.headers.get('content-type'), home.headers.get('cache-control'), await home.text()]).toEqual([200, 'text/html; charset=utf-8', 'no-store', page]);

    const script = await fetch(new URL('page.js', app.url));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // One module for the browser: the client of @rivulet/server bundled in, no import left to resolve.
    const code = await script.text();
    expect(code).toContain('/api/trip');
    expect(code).not.toMatch(/\bfrom\s*["'][@\w]/);

    const answer = await fetch(new URL('api/shout/invoke', app.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: 'rivers' }) });
    expect(await answer.json()).toEqual({ output: 'RIVERS' });

    const missing = await fetch(new URL('api/other/invoke', app.url), { method: 'POST' });
    expect([missing.status, await missing.text()]).toEqual([404, 'Not found']);
  });

  it('answers 500 when the script does not build, and keeps serving', async () => {
    app = await serveApp({ page, script: { path: '/page.js', entry: new URL('./browser/no-such-page.ts', import.meta.url) }, api: {} });
    const script = await fetch(new URL('page.js', app.url));
    expect(script.status).toBe(500);
    expect(await script.text()).toMatch(/^Bundling failed: .*no-such-page/s);
    expect((await fetch(app.url)).status).toBe(200);
  });

  it('close() stops the server, dropping a response still being written, then runs onClose', async () => {
    const closed: string[] = [];
    // An answer that never ends, as a run still streaming: a plain server.close() would wait for it for ever.
    const endless = async (): Promise<Response> => new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('data: 1\n\n')) }));
    const served = await serveApp({ page, script: { path: '/page.js', entry: new URL('./browser/trip-page.ts', import.meta.url) }, api: { '/api/endless/': endless }, onClose: async () => void closed.push('model') });
    const streaming = await fetch(new URL('api/endless/stream', served.url));
    const body = streaming.text().catch(() => 'dropped');
    await served.close();
    expect(closed).toEqual(['model']);
    expect(await body).toBe('dropped');
    await expect(fetch(served.url)).rejects.toThrow(TypeError);
  });
});
