import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { lambda, type RunContext, type Runnable } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';
import { jsonParser, structuredParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invokeRunnable, streamRunnable } from '@rivulet/server/client';
import { createHandler, RemoteRunnable, type RequestHandler, toNodeListener } from '@rivulet/server';
import { foreignPrototypes, prototypeChanges, prototypeFingerprint } from './prototype-guard.js';

/** What a hostile or broken model might write: prototype keys at every level, split across chunks. */
const hostileJson =
  '{"__proto__": {"polluted": "model", "toString": "x"}, "constructor": {"prototype": {"polluted": "ctor"}}, ' +
  '"prototype": {"polluted": 1}, "items": [{"__proto__": {"polluted": "item"}}, {"constructor": {"name": "x"}}], ' +
  '"a": {"b": {"__proto__": {"polluted": "deep"}, "text": "fine"}}}';

async function listen(handler: RequestHandler): Promise<{ url: string; server: Server }> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, server };
}

describe('security: __proto__ and constructor keys never reach a prototype', () => {
  const before = prototypeFingerprint();
  const servers: Server[] = [];
  let mock: MockOpenAIServer;

  beforeAll(async () => {
    mock = await startMockOpenAIServer({ text: hostileJson, chunkSize: 3 });
  });
  afterEach(() => {
    expect(prototypeChanges(before)).toEqual([]);
  });
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await mock.close();
  });

  async function serve(handler: RequestHandler): Promise<string> {
    const { url, server } = await listen(handler);
    servers.push(server);
    return url;
  }

  it('from a model’s JSON: in-process, through RemoteRunnable patches and through the browser client', async () => {
    const model = new OpenAIChatModel({ model: 'mock-model', apiKey: 'sk-test', baseURL: mock.url, maxRetries: 0 });
    const expected: unknown = JSON.parse(hostileJson);
    const chains: Record<string, Runnable<{ q: string }, unknown, unknown>> = {
      jsonParser: promptTemplate('{q}').pipe(model).pipe(jsonParser()),
      'structuredParser (loose schema)': promptTemplate('{q}').pipe(model).pipe(structuredParser(z.looseObject({ a: z.unknown() }))),
    };
    for (const [name, chain] of Object.entries(chains)) {
      const local = await chain.invoke({ q: 'hi' });
      const snapshots = await collect(chain.stream({ q: 'hi' }));
      const url = await serve(createHandler(chain));
      const remote = new RemoteRunnable<{ q: string }, unknown>({ url, aggregate: { kind: 'snapshot' } });
      const remoteSnapshots = await collect(remote.stream({ q: 'hi' }));
      const browser: unknown[] = [];
      for await (const snapshot of streamRunnable(url, { q: 'hi' })) browser.push(snapshot);
      const invoked = await invokeRunnable(url, { q: 'hi' });
      for (const [where, value] of Object.entries({ local, remote: remoteSnapshots.at(-1), browser: browser.at(-1), invoked })) {
        if (name === 'jsonParser') expect(isDeepStrictEqual(value, expected), `${name} ${where}`).toBe(true);
        expect(foreignPrototypes(value), `${name} ${where}`).toEqual([]);
      }
      for (const snapshot of [...snapshots, ...remoteSnapshots, ...browser]) expect(foreignPrototypes(snapshot)).toEqual([]);
      // The keys stay plain data where the parser keeps them.
      if (name === 'jsonParser') expect(Object.hasOwn(local as object, '__proto__')).toBe(true);
    }
    const patches = await collect(promptTemplate('{q}').pipe(model).pipe(jsonParser({ mode: 'patch' })).stream({ q: 'hi' }));
    expect(patches.flat().some((op) => op.path.startsWith('/__proto__'))).toBe(true);
  });

  it('from HTTP request bodies: input, options and the body itself, on every route', async () => {
    const echo = lambda((input: unknown, ctx: RunContext) => ({
      input,
      metadata: ctx.metadata,
      tags: ctx.tags,
      plainInput: foreignPrototypes(input).length === 0,
      plainMetadata: foreignPrototypes(ctx.metadata).length === 0,
    }));
    const urls = [await serve(createHandler(echo)), await serve(createHandler(echo, { inputSchema: z.looseObject({}) }))];
    const hostileInput = '{"__proto__": {"polluted": "input", "id": "1"}, "constructor": {"prototype": {"polluted": "ctor"}}, "ok": true}';
    const hostileOptions = '{"tags": ["t"], "metadata": {"__proto__": {"polluted": "meta"}, "constructor": {"prototype": {"polluted": 1}}}, "__proto__": {"runName": "x"}}';
    const bodies: Record<string, string> = {
      invoke: `{"input": ${hostileInput}, "options": ${hostileOptions}, "__proto__": {"polluted": "body"}}`,
      stream: `{"input": ${hostileInput}, "options": ${hostileOptions}, "__proto__": {"polluted": "body"}}`,
      stream_events: `{"input": ${hostileInput}, "options": ${hostileOptions}, "__proto__": {"polluted": "body"}}`,
      batch: `{"inputs": [${hostileInput}, ${hostileInput}], "options": ${hostileOptions}, "__proto__": {"polluted": "body"}}`,
    };
    for (const url of urls) {
      for (const [route, body] of Object.entries(bodies)) {
        const response = await fetch(`${url}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const text = await response.text();
        expect(response.status, `${route}: ${text}`).toBe(200);
        expect(text).not.toContain('"plainInput":false');
        expect(text).not.toContain('"plainMetadata":false');
        expect(text).toContain('"plainInput":true');
      }
      // A body whose only "input" is inherited has no input.
      const inherited = await fetch(`${url}/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"__proto__": {"input": {"ok": true}}}' });
      expect(inherited.status).toBe(400);
    }
  });

  it('from variables sent to a prompt: a variable only inherited is missing, never read', async () => {
    const url = await serve(createHandler(promptTemplate('Tell me about {topic}')));
    const mustache = await serve(createHandler(promptTemplate('Tell me about {{topic}}{{#list}}{{.}}{{/list}}', { format: 'mustache' })));
    for (const base of [url, mustache]) {
      const response = await fetch(`${base}/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input": {"__proto__": {"topic": "injected", "list": [1]}}}' });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { name: string; variables?: string[] } };
      expect(error.name).toBe('InputError');
      expect(error.variables).toContain('topic');
    }
  });
});
