import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError, lambda, ProviderError, type Runnable } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { chatPrompt, promptTemplate } from '@rivulet/prompts';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandler, type HandlerOptions, RemoteRunnable, type RequestHandler, toNodeListener } from '@rivulet/server';
import { settleWithin } from '@rivulet/test-kit';
import { startStack } from './e2e-stack.js';
import { runIdOf, replyFor } from './run-script.js';

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function serve(handler: RequestHandler): Promise<string> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/** Sends `size` bytes of body in 64 KiB chunks without Content-Length, as a streaming client would. */
function postChunked(url: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
    req.on('response', (res) => {
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        const chunk = Buffer.alloc(Math.min(64 * 1024, size - sent), 0x61);
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('{"input": "');
    pump();
  });
}

const routes = ['invoke', 'batch', 'stream', 'stream_events'] as const;
const bodyOf = (route: string, input: unknown): string => JSON.stringify(route === 'batch' ? { inputs: [input] } : { input });

describe('security: the server refuses oversized bodies with 413', () => {
  const limit = 16 * 1024;

  it('at the exact byte limit, multi-byte characters counted as bytes, on every route, streamed or announced', { timeout: 60_000 }, async () => {
    const url = await serve(createHandler(lambda((x: string) => x.length), { maxBodyBytes: limit }));
    for (const route of routes) {
      const envelope = bodyOf(route, '');
      const room = limit - Buffer.byteLength(envelope);
      // 'é' is two bytes in UTF-8: a body at the limit passes, one byte more does not.
      const fits = bodyOf(route, 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2));
      const over = bodyOf(route, 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat((room % 2) + 1));
      expect([route, Buffer.byteLength(fits), Buffer.byteLength(over)]).toEqual([route, limit, limit + 1]);
      expect((await post(`${url}/${route}`, fits)).status).toBe(200);
      const refused = await post(`${url}/${route}`, over);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.text)).toMatchObject({ error: { name: 'InputError' } });
      expect(await postChunked(`${url}/${route}`, 4 * 1024 * 1024)).toBe(413);
    }
    // Fifty clients sending 2 MiB each at once: all refused, and the server still answers after.
    const storm = await Promise.all(Array.from({ length: 50 }, () => postChunked(`${url}/invoke`, 2 * 1024 * 1024)));
    expect(new Set(storm)).toEqual(new Set([413]));
    expect(await post(`${url}/invoke`, bodyOf('invoke', 'still here'))).toEqual({ status: 200, text: '{"output":10}' });
    // Through RemoteRunnable: a typed InputError.
    const remote = new RemoteRunnable<string, number>({ url });
    const error = await remote.invoke('x'.repeat(limit)).catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
  });
});

describe('security: no stack trace reaches a client unless debug is on', () => {
  const secretPath = '/srv/app/secret-module.ts';
  const failures: Record<string, Runnable<unknown, unknown>> = {
    'a TypeError': lambda((): unknown => (undefined as unknown as { x: { y: number } }).x.y),
    'an Error naming a file': lambda((): unknown => {
      throw new Error(`ENOENT: open '${secretPath}'`);
    }),
    'a thrown string': lambda((): unknown => {
      throw `raw string from ${secretPath}`;
    }),
    'a ProviderError with a cause': lambda((): unknown => {
      throw new ProviderError('upstream failed', { provider: 'openai', status: 503, cause: new Error(`at ${secretPath}:1:1`) });
    }),
    'a failure after chunks': fakeRunnable(['a', 'b'], { error: new TypeError(`Cannot read properties of undefined (${secretPath})`) }),
    'a chunk whose toJSON throws': fakeRunnable<unknown>([
      {
        toJSON() {
          throw new TypeError(`toJSON failed in ${secretPath}`);
        },
      },
    ]),
  };
  const stackLine = /\n\s+at |"stack"|\.ts:\d+|secret-module/;

  it.each(Object.keys(failures))('%s: on every route, hidden without debug, shown with it', async (name) => {
    const runnable = failures[name] as Runnable<unknown, unknown>;
    const options: HandlerOptions<unknown>[] = [{}, { debug: true }];
    const [quiet, debug] = await Promise.all(options.map((o) => serve(createHandler(runnable, o))));
    let shownWithDebug = false;
    for (const route of routes) {
      const hidden = await post(`${quiet}/${route}`, bodyOf(route, 1));
      expect(hidden.text, `${route}`).not.toMatch(stackLine);
      const shown = await post(`${debug}/${route}`, bodyOf(route, 1));
      shownWithDebug ||= /"stack"/.test(shown.text);
    }
    expect(shownWithDebug).toBe(true);
  });

  it('a schema transform that throws while the request is read is hidden too', async () => {
    const schema = z.string().transform((): string => {
      throw new TypeError(`transform crashed in ${secretPath}`);
    });
    const url = await serve(createHandler(lambda((x: string) => x), { inputSchema: schema }));
    for (const route of routes) {
      const answer = await post(`${url}/${route}`, bodyOf(route, 'x'));
      expect(answer.status).toBe(500);
      expect(answer.text).not.toMatch(stackLine);
      expect(JSON.parse(answer.text)).toEqual({ error: { name: 'RivuletError', message: 'Internal server error.' } });
    }
  });
});

describe('security: template values are never re-interpreted', () => {
  const hostile = ['{other}', '{{other}}', '}{', '{{#list}}x{{/list}}', '{{{raw}}}', '{', '}', '{{', '}}', '{0}', '{__proto__}', '${other}', '\\{other\\}'];

  it('through served prompts (f-string, mustache, chat): every value inserted verbatim', async () => {
    const fstring = await serve(createHandler(promptTemplate('Q: {question} / {other}!')));
    const mustache = await serve(createHandler(promptTemplate('Q: {{question}} / {{other}}!', { format: 'mustache' })));
    const chat = await serve(createHandler(chatPrompt([['system', 'S {other}'], ['human', '{question}']])));
    for (const question of hostile) {
      for (const other of hostile) {
        const input = { question, other };
        const expected = `Q: ${question} / ${other}!`;
        expect(JSON.parse((await post(`${fstring}/invoke`, bodyOf('invoke', input))).text)).toEqual({ output: expected });
        expect(JSON.parse((await post(`${mustache}/invoke`, bodyOf('invoke', input))).text)).toEqual({ output: expected });
        const messages = (JSON.parse((await post(`${chat}/invoke`, bodyOf('invoke', input))).text) as { output: { content: string }[] }).output;
        expect(messages.map((m) => m.content)).toEqual([`S ${other}`, question]);
      }
    }
  });

  it('end to end: the model receives the prompt with the values exactly as sent', async () => {
    const stack = await startStack({ script: (request) => ({ text: replyFor(runIdOf(request)) }), model: { maxRetries: 0 } });
    try {
      for (const [i, seed] of hostile.entries()) {
        const settled = await settleWithin(stack.remote.invoke({ id: String(i), seed }), 10_000);
        expect(settled.state).toBe('resolved');
        const sent = stack.mock.requests[i]?.body?.messages?.at(-1)?.content;
        expect(sent).toBe(`Stress run ${i}: write the plan for seed ${seed}.`);
      }
    } finally {
      await stack.close();
    }
  });
});
