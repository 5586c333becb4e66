import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AbortError,
  type AIMessageChunk,
  InputError,
  isAIMessageChunk,
  lambda,
  OutputParserError,
  ProviderError,
  RivuletError,
  TimeoutError,
  TruncatedStreamError,
} from '@rivulet/core';
import { collect, fakeRunnable, settle } from '@rivulet/core/testing';
import { FakeChatModel } from '@rivulet/models/testing';
import { jsonParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { from, take } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandler, RemoteRunnable, type RequestHandler } from '../index.js';
import { pieces, tripPlan } from '../test-support/documents.js';
import { serve } from '../test-support/serve.js';
import { eventually } from '@rivulet/test-kit';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function remote<I, O, C = O>(handler: RequestHandler, options: Partial<ConstructorParameters<typeof RemoteRunnable>[0]> = {}): Promise<RemoteRunnable<I, O, C>> {
  const server = await serve(handler);
  cleanup.push(() => server.close());
  return new RemoteRunnable<I, O, C>({ url: server.url, ...options });
}

describe('RemoteRunnable round trips', () => {
  it('invokes, streams and batches a text runnable', async () => {
    const shout = await remote<string, string>(createHandler(lambda(async function* (x: string) {
      yield x.toUpperCase();
      yield '!';
    })));
    expect(await shout.invoke('hi')).toBe('HI!');
    expect(await collect(shout.stream('hi'))).toEqual(['HI', '!']);
    expect(await shout.batch(['a', 'b', 'c'])).toEqual(['A!', 'B!', 'C!']);
    expect(shout.outputAggregation()).toEqual({ kind: 'delta' });
  });

  it('composes: a local prompt into a remote model into a local function', async () => {
    const model = new FakeChatModel('Rivers flow.', { chunkSize: 3, delayMs: 1 });
    const remoteModel = await remote<string, AIMessageChunk>(createHandler(model));
    const chain = promptTemplate('About {topic}').pipe(remoteModel).pipe((message) => message.text.length);
    expect(await chain.invoke({ topic: 'rivers' })).toBe('Rivers flow.'.length);
    expect(model.requests[0]?.messages[0]?.text).toBe('About rivers');
    const chunks = await collect(remoteModel.stream('hi'));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every(isAIMessageChunk)).toBe(true); // revived, so they concatenate
    expect((await remoteModel.invoke('hi')).content).toBe('Rivers flow.');
  });

  it('rebuilds patch streams into immutable snapshots with structural sharing', async () => {
    const document = tripPlan(4);
    const parser = lambda(() => from(pieces(JSON.stringify(document), 9))).pipe(jsonParser());
    const plans = await remote<null, unknown>(createHandler(parser));
    expect(plans.outputAggregation()).toEqual({ kind: 'delta' }); // not known before the first run
    const snapshots = (await collect(plans.stream(null))) as { days?: object[] }[];
    expect(plans.outputAggregation()).toEqual({ kind: 'snapshot' }); // announced by the server
    expect(snapshots.at(-1)).toEqual(document);
    const last = snapshots.at(-1)!;
    const firstComplete = snapshots.findIndex((s) => (s.days?.length ?? 0) >= 2);
    // Once day 1 is complete, every later snapshot shares it.
    expect(new Set(snapshots.slice(firstComplete).map((s) => s.days?.[0])).size).toBe(1);
    expect(last.days?.[0]).toBe(snapshots[firstComplete]?.days?.[0]);
    expect(await plans.invoke(null)).toEqual(document);
  });

  it('keeps batch order and returnExceptions, one run per input', async () => {
    const maybe = await remote<number, number>(createHandler(lambda((x: number) => {
      if (x === 2) throw new InputError('two is not allowed');
      return x * 10;
    })));
    const results = await maybe.batch([1, 2, 3], { returnExceptions: true, maxConcurrency: 2 });
    expect(results[0]).toBe(10);
    expect(InputError.isInstance(results[1])).toBe(true);
    expect(results[2]).toBe(30);
    await expect(maybe.batch([1, 2])).rejects.toSatisfy(InputError.isInstance);
  });

  it('gives local run events for the remote step, nested in a chain', async () => {
    const echo = await remote<string, string>(createHandler(lambda((x: string) => x)), { name: 'echo' });
    const events = await collect(echo.pipe((x) => x.length).streamEvents('abc', { tags: ['t'] }));
    expect(events.filter((e) => e.name === 'echo').map((e) => e.type)).toEqual(['start', 'chunk', 'end']);
  });

  it('streams the server’s nested run events, errors revived', async () => {
    const chain = lambda((x: string) => x.toUpperCase()).pipe(lambda((x: string): string => {
      throw new ProviderError(`no ${x}`, { provider: 'openai', status: 500 });
    }));
    const r = await remote<string, string>(createHandler(chain));
    const { chunks: events, error } = await settle(r.streamRemoteEvents('a', { tags: ['remote'] }));
    expect(events.map((e) => e.type)).toEqual(['start', 'start', 'chunk', 'start', 'end', 'error', 'error']);
    expect(events.every((e) => e.tags.includes('remote'))).toBe(true);
    const failed = events.at(-1);
    expect(failed?.type === 'error' && ProviderError.isInstance(failed.data.error) && failed.data.error.status).toBe(500);
    expect(error).toSatisfy(ProviderError.isInstance);
  });

  it('sends headers (computed per request) and the run’s tags and metadata', async () => {
    const seen: { auth: string | null; body: unknown }[] = [];
    const inner = createHandler(lambda((x: string) => x));
    let token = 0;
    const echo = await remote<string, string>(
      async (request) => {
        seen.push({ auth: request.headers.get('authorization'), body: await request.clone().json() });
        return inner(request);
      },
      { headers: () => ({ authorization: `Bearer ${++token}` }) },
    );
    await echo.invoke('a', { tags: ['web'], metadata: { user: 'u1' } });
    await echo.invoke('b');
    expect(seen).toEqual([
      { auth: 'Bearer 1', body: { input: 'a', options: { tags: ['web'], metadata: { user: 'u1' } } } },
      { auth: 'Bearer 2', body: { input: 'b' } },
    ]);
  });
});

describe('RemoteRunnable errors', () => {
  const errors: Record<string, () => Error> = {
    provider: () => new ProviderError('rate limited', { provider: 'openai', status: 429, code: 'rate_limit', requestId: 'req_9', retryAfterMs: 1500 }),
    parser: () => new OutputParserError('Unexpected token', { text: '{"a": x', position: 6, issues: [{ code: 'custom' }] }),
    timeout: () => new TimeoutError({ timeoutMs: 50, kind: 'idle' }),
    truncated: () => new TruncatedStreamError('cut', { partial: { a: 1 } }),
    abort: () => new AbortError('stopped upstream'),
    input: () => new InputError('Missing variable: topic', { variables: ['topic'] }),
    plain: () => new Error('secret'),
  };
  const failing = lambda((kind: string): string => {
    throw (errors[kind] ?? errors.plain!)();
  });

  it('rethrows server errors as the matching typed error with its public fields', async () => {
    const r = await remote<string, string>(createHandler(failing));
    const caught = async (kind: string): Promise<unknown> => r.invoke(kind).catch((e: unknown) => e);
    expect(await caught('provider')).toSatisfy(ProviderError.isInstance);
    expect(await caught('provider')).toMatchObject({ name: 'ProviderError', message: 'rate limited', provider: 'openai', status: 429, code: 'rate_limit', requestId: 'req_9', retryable: true, retryAfterMs: 1500 });
    expect(await caught('parser')).toSatisfy(OutputParserError.isInstance);
    expect(await caught('parser')).toMatchObject({ text: '{"a": x', position: 6, issues: [{ code: 'custom' }] });
    expect(await caught('timeout')).toSatisfy(TimeoutError.isInstance);
    expect(await caught('timeout')).toMatchObject({ timeoutMs: 50, kind: 'idle', message: 'The stream was silent for more than 50 ms.' });
    expect(await caught('truncated')).toSatisfy(TruncatedStreamError.isInstance);
    expect(await caught('truncated')).toMatchObject({ partial: { a: 1 } });
    expect(await caught('abort')).toSatisfy(AbortError.isInstance);
    expect(await caught('input')).toMatchObject({ name: 'InputError', variables: ['topic'] });
    const plain = await caught('plain');
    expect([RivuletError.isInstance(plain), ProviderError.isInstance(plain), (plain as Error).message]).toEqual([true, false, 'Internal server error.']);
  });

  it('rethrows a 400 from the input schema as InputError with the issues', async () => {
    const r = await remote<unknown, string>(createHandler(lambda((x: { topic: string }) => x.topic), { inputSchema: z.object({ topic: z.string() }) }));
    const error = await r.invoke({ topic: 3 }).catch((e: unknown) => e);
    expect(error).toSatisfy(InputError.isInstance);
    expect((error as InputError).issues).toEqual([expect.objectContaining({ path: ['input', 'topic'] })]);
  });

  it('keeps chunks streamed before an error event, then throws', async () => {
    const r = await remote<number, string>(createHandler(fakeRunnable(['a', 'b'], { delayMs: 1, error: errors.provider!() })));
    const { chunks, error } = await settle(r.stream(1));
    expect(chunks).toEqual(['a', 'b']);
    expect(error).toSatisfy(ProviderError.isInstance);
  });

  it('reports an unreachable server as a retryable ProviderError', async () => {
    const server = await serve(createHandler(lambda((x: string) => x)));
    await server.close();
    const error = await new RemoteRunnable<string, string>({ url: server.url }).invoke('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', provider: 'remote', retryable: true });
  });

  it('reports a non-protocol error page as a ProviderError with its status', async () => {
    const error = await (await remote<string, string>(async () => new Response('<h1>Bad gateway</h1>', { status: 502 }))).invoke('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', status: 502, retryable: true });
  });

  it('reports a connection dropped mid-stream as TruncatedStreamError with the last snapshot', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: patch\ndata: [{"op":"add","path":"","value":{"a":"x"}}]\n\n', () => setTimeout(() => res.destroy(), 20));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
    const r = new RemoteRunnable({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const { chunks, error } = await settle(r.stream(null));
    expect(chunks).toEqual([{ a: 'x' }]);
    expect(error).toSatisfy(TruncatedStreamError.isInstance);
    expect(error).toMatchObject({ partial: { a: 'x' } });
  });
});

describe('RemoteRunnable cancellation', () => {
  const slow = (): ReturnType<typeof fakeRunnable<string>> => fakeRunnable(Array.from({ length: 100 }, (_, i) => `${i} `), { delayMs: 20 });

  it('closes the connection when the signal aborts, which cancels the server run', async () => {
    const server = slow();
    const r = await remote<number, string>(createHandler(server));
    const controller = new AbortController();
    const chunks: string[] = [];
    let error: unknown;
    const finished = new Promise<void>((resolve) => {
      r.stream(1, { signal: controller.signal }).subscribe({ next: (c) => chunks.push(c), error: (e: unknown) => ((error = e), resolve()), complete: resolve });
    });
    await eventually(() => chunks.length >= 2);
    controller.abort();
    await finished;
    expect(error).toSatisfy(AbortError.isInstance);
    await eventually(() => server.cancelled === 1);
  });

  it('closes the connection on unsubscribe and on break', async () => {
    const server = slow();
    const r = await remote<number, string>(createHandler(server));
    expect(await collect(r.stream(1).pipe(take(2)))).toEqual(['0 ', '1 ']);
    await eventually(() => server.cancelled === 1);
    for await (const chunk of r.stream(1)) {
      if (chunk === '2 ') break;
    }
    await eventually(() => server.cancelled === 2);
    expect(server.active).toBe(0);
  });
});
