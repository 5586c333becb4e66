import { InputError, lambda, ProviderError, RivuletError } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { promptTemplate } from '@rivulet/prompts';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { createHandler } from '../index.js';
import { post } from '../test-support/sse-text.js';
import { parseSse } from '@rivulet/test-kit';

const base = 'http://localhost/api/joke';

describe('createHandler routes', () => {
  it('invokes: { input, options? } → { output }', async () => {
    const handler = createHandler(fakeRunnable(['Hel', 'lo']));
    const response = await handler(post(`${base}/invoke`, { input: 'hi', options: { tags: ['t'] } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ output: 'Hello' });
  });

  it('batches: { inputs } → { outputs } in order', async () => {
    const handler = createHandler(lambda(async (x: number) => x * 2));
    const response = await handler(post(`${base}/batch`, { inputs: [1, 2, 3] }));
    expect(await response.json()).toEqual({ outputs: [2, 4, 6] });
  });

  it('streams deltas as data events, then end, with the exact SSE framing (chunks of one event-loop turn joined)', async () => {
    const handler = createHandler(fakeRunnable(['Hel', 'lo'])); // both in one turn: one event
    const response = await handler(post(`${base}/stream`, { input: 'hi' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const text = await response.text();
    const runId = (JSON.parse(parseSse(text)[0]?.data ?? '{}') as { runId?: string }).runId;
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).toBe(
      `: stream\n\nevent: metadata\ndata: {"runId":"${runId}","aggregate":{"kind":"delta"}}\n\n` +
        'event: data\ndata: "Hello"\n\nevent: end\ndata: {}\n\n',
    );
    // Chunks of different turns (a model's network reads) travel as they came.
    const apart = parseSse(await (await createHandler(fakeRunnable(['Hel', 'lo'], { delayMs: 1 }))(post(`${base}/stream`, { input: 'hi' }))).text());
    expect(apart.slice(1).map((e) => e.data)).toEqual(['"Hel"', '"lo"', '{}']);
  });

  it('streams run events as data events, JSON-safe, with the options applied', async () => {
    const handler = createHandler(lambda((x: string) => x.toUpperCase()));
    const response = await handler(post(`${base}/stream_events`, { input: 'hi', options: { tags: ['web'], metadata: { user: 'u1' }, runName: 'shout' } }));
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toEqual(['metadata', 'data', 'data', 'data', 'end']);
    const runEvents = events.slice(1, 4).map((e) => JSON.parse(e.data) as { type: string; name: string; tags: string[]; metadata: object; data: object });
    expect(runEvents.map((e) => e.type)).toEqual(['start', 'chunk', 'end']);
    expect(runEvents[0]).toMatchObject({ name: 'shout', tags: ['web'], metadata: { user: 'u1' }, data: { input: 'hi' } });
    expect(runEvents[2]).toMatchObject({ data: { output: 'HI' } });
  });

  it('serializes the errors of error run events through toJSON', async () => {
    const failing = lambda((): string => {
      throw new ProviderError('rate limited', { provider: 'openai', status: 429 });
    });
    const response = await createHandler(failing)(post(`${base}/stream_events`, { input: 1 }));
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toEqual(['metadata', 'data', 'data', 'error', 'end']);
    expect(JSON.parse(events[2]!.data)).toMatchObject({ type: 'error', data: { error: { name: 'ProviderError', status: 429, provider: 'openai' } } });
    expect(JSON.parse(events[3]!.data)).toEqual({ name: 'ProviderError', message: 'rate limited', provider: 'openai', status: 429, retryable: true });
  });

  it.each(['http://localhost/stream', 'http://localhost/a/b/c/stream', 'http://localhost/api/stream/', 'http://localhost/x/stream?v=1'])(
    'routes on the last path segment: %s',
    async (url) => {
      const response = await createHandler(fakeRunnable(['x']))(post(url, { input: null }));
      expect(response.status).toBe(200);
      expect(parseSse(await response.text()).map((e) => e.event)).toEqual(['metadata', 'data', 'end']);
    },
  );
});

describe('createHandler refusals', () => {
  const handler = createHandler(fakeRunnable(['x']), {
    inputSchema: z.object({ topic: z.string().min(2), n: z.number().default(3) }),
    maxBodyBytes: 100,
  });

  it('answers an unknown route with 404 and a wrong method with 405 and Allow', async () => {
    const missing = await handler(post(`${base}/nope`, { input: {} }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { name: 'NotFoundError', message: expect.any(String) } });
    const get = await handler(new Request(`${base}/invoke`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await get.json()).error.name).toBe('MethodNotAllowedError');
  });

  it('answers bad JSON, a non-object and a missing input with 400', async () => {
    for (const body of ['{"input": ', '[1]', '{}']) {
      const response = await handler(post(`${base}/invoke`, body));
      expect(response.status).toBe(400);
      expect((await response.json()).error).toEqual({ name: 'InputError', message: expect.any(String) });
    }
    const batch = await handler(post(`${base}/batch`, { inputs: 'no' }));
    expect(batch.status).toBe(400);
  });

  it('answers input failing the schema with 400 and the zod issues, on every route', async () => {
    for (const route of ['invoke', 'stream', 'stream_events']) {
      const response = await handler(post(`${base}/${route}`, { input: { topic: 'x' } }));
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { name: string; message: string; issues: { path: unknown[]; code: string }[] } };
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(/input\.topic/);
      expect(error.issues).toEqual([expect.objectContaining({ code: 'too_small', path: ['input', 'topic'] })]);
    }
    const batch = await handler(post(`${base}/batch`, { inputs: [{ topic: 'ok' }, { topic: 1 }, {}] }));
    const { error } = (await batch.json()) as { error: { issues: { path: unknown[] }[] } };
    expect(error.issues.map((i) => i.path)).toEqual([['inputs', 1, 'topic'], ['inputs', 2, 'topic']]);
  });

  it('answers invalid options with 400 and ignores options it does not allow', async () => {
    expect((await handler(post(`${base}/invoke`, { input: { topic: 'ok' }, options: { tags: 'x' } }))).status).toBe(400);
    const ok = await handler(post(`${base}/invoke`, { input: { topic: 'ok' }, options: { timeout: 1, configurable: { model: 'x' } } }));
    expect(await ok.json()).toEqual({ output: 'x' });
  });

  it('accepts zod/mini schemas too', async () => {
    const mini = createHandler(lambda((x: string) => x), { inputSchema: zm.string().check(zm.minLength(2)) });
    expect((await mini(post(`${base}/invoke`, { input: 'x' }))).status).toBe(400);
    expect(await (await mini(post(`${base}/invoke`, { input: 'xy' }))).json()).toEqual({ output: 'xy' });
  });

  it('passes the parsed input (defaults and transforms applied) to the runnable', async () => {
    const echo = createHandler(lambda((x: { topic: string; n: number }) => x), { inputSchema: z.object({ topic: z.string().trim(), n: z.number().default(3) }) });
    const response = await echo(post(`${base}/invoke`, { input: { topic: '  rivers ' } }));
    expect(await response.json()).toEqual({ output: { topic: 'rivers', n: 3 } });
  });

  it('answers a body over maxBodyBytes with 413, by Content-Length or while reading', async () => {
    const big = JSON.stringify({ input: { topic: 'x'.repeat(500) } });
    const declared = await handler(post(`${base}/invoke`, big));
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.name).toBe('InputError');
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('x'.repeat(40)));
      },
    });
    const streamed = await handler(new Request(`${base}/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: endless, duplex: 'half' } as RequestInit));
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10); // it stopped reading: the body never ends
  });
});

describe('createHandler errors', () => {
  it('maps invoke failures to statuses with the public fields only', async () => {
    const cases: [Error, number][] = [
      [new InputError('Missing variable: topic', { variables: ['topic'] }), 400],
      [new ProviderError('upstream down', { provider: 'openai', status: 503, cause: new Error('Bearer sk-secret') }), 502],
      [new RivuletError('odd'), 500],
    ];
    for (const [error, status] of cases) {
      const response = await createHandler(lambda((): string => Promise.reject(error) as never))(post(`${base}/invoke`, { input: 1 }));
      expect(response.status).toBe(status);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ error: (error as RivuletError).toJSON() });
      expect(body).not.toMatch(/sk-secret|stack|at /);
    }
  });

  it('turns a missing prompt variable into a 400 naming it', async () => {
    const response = await createHandler(promptTemplate('Tell me about {topic}'))(post(`${base}/invoke`, { input: {} }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ name: 'InputError', variables: ['topic'] });
  });

  it('hides non-Rivulet errors and stacks unless debug is set', async () => {
    const leaky = lambda((): string => {
      throw new Error('postgres://admin:pw@db');
    });
    const hidden = await createHandler(leaky)(post(`${base}/invoke`, { input: 1 }));
    expect(hidden.status).toBe(500);
    expect(await hidden.json()).toEqual({ error: { name: 'RivuletError', message: 'Internal server error.' } });
    const shown = await createHandler(leaky, { debug: true })(post(`${base}/invoke`, { input: 1 }));
    expect((await shown.json()).error).toMatchObject({ name: 'Error', message: 'postgres://admin:pw@db', stack: expect.stringContaining('Error') });
  });

  it('turns a failure after streaming began into an error event, then end', async () => {
    const failing = fakeRunnable(['a', 'b'], { delayMs: 1, error: new ProviderError('dropped', { provider: 'openai', requestId: 'req_1' }) });
    const response = await createHandler(failing)(post(`${base}/stream`, { input: 1 }));
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events.slice(1).map((e) => [e.event, e.data])).toEqual([
      ['data', '"a"'],
      ['data', '"b"'],
      ['error', JSON.stringify({ name: 'ProviderError', message: 'dropped', provider: 'openai', retryable: false, requestId: 'req_1' })],
      ['end', '{}'],
    ]);
  });

  it('turns a chunk that cannot be serialized into an error event', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const response = await createHandler(fakeRunnable([{ ok: 1 }, circular], { delayMs: 1 }))(post(`${base}/stream`, { input: 1 }));
    expect(parseSse(await response.text()).map((e) => e.event)).toEqual(['metadata', 'data', 'error', 'end']);
  });

  it('cancels the run when the request signal aborts or the body is cancelled', async () => {
    for (const how of ['signal', 'cancel'] as const) {
      const slow = fakeRunnable(Array.from({ length: 50 }, (_, i) => i), { delayMs: 10 });
      const client = new AbortController();
      const response = await createHandler(slow)(post(`${base}/stream`, { input: 1 }, { signal: client.signal }));
      const reader = response.body!.getReader();
      await reader.read();
      expect(slow.active).toBe(1);
      if (how === 'signal') client.abort();
      else await reader.cancel();
      expect([how, slow.cancelled, slow.active]).toEqual([how, 1, 0]);
    }
  });

  it('sends a heartbeat comment every heartbeatMs of silence, and none once the run ended (virtual time)', async () => {
    vi.useFakeTimers();
    try {
      const slow = fakeRunnable(['late'], { delayMs: 160 });
      const response = await createHandler(slow, { heartbeatMs: 30 })(post(`${base}/stream`, { input: 1 }));
      const text = response.text();
      await vi.advanceTimersByTimeAsync(161); // silences end at 30, 60, 90, 120 and 150 ms; the chunk comes at 160
      expect(vi.getTimerCount()).toBe(0); // the run ended: no heartbeat left armed
      const body = await text;
      expect(body.match(/: heartbeat\n\n/g)).toHaveLength(5);
      expect(parseSse(body).map((e) => e.event)).toEqual(['metadata', 'data', 'end']);
    } finally {
      vi.useRealTimers();
    }
  });
});
