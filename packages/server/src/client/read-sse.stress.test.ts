import fc from 'fast-check';
import { RivuletError } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { jsonParser } from '@rivulet/parsers';
import { from } from 'rxjs';
import { lambda } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../handler/create-handler.js';
import { RemoteRunnable } from '../remote/remote-runnable.js';
import { readRunStream } from './read-run-stream.js';
import { readServerSentEvents as readSse } from '@rivulet/provider-utils/sse';
import { RemoteError } from './remote-error.js';
import type { RunStreamItem } from './run-stream-item.js';

/** Runs asked of each property, and cases its predicate actually checked: the last test compares them. */
const planned: Record<string, number> = {};
const checked: Record<string, number> = {};
function check<T>(name: string, numRuns: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>): Promise<void> {
  planned[name] = numRuns;
  return fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await predicate(value);
      checked[name] = (checked[name] ?? 0) + 1;
    }),
    { numRuns },
  );
}

/** `bytes` as a body delivered in pieces cut at `cuts` (byte offsets: inside multi-byte characters and CRLF pairs too). */
function body(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const points = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  const pieces = points.slice(1).map((end, i) => bytes.slice(points[i], end));
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
}

const cutsOf = fc.array(fc.nat(), { maxLength: 60 });

/** Text of one SSE line value: any Unicode (multi-byte, astral, U+2028, NUL), never CR or LF. */
const lineValue = fc
  .string({ unit: fc.oneof(fc.constantFrom('a', ' ', ':', 'é', '€', '🌊', '中', '"', '\\', '\u2028', '\u0000', '\uFEFF'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 30 })
  .map((s) => s.replace(/[\r\n]/g, ''));

interface RawEvent {
  readonly event: string | undefined;
  readonly data: readonly string[];
  readonly comments: readonly string[];
  readonly id: string | undefined;
  readonly extra: boolean;
}

const rawEvent: fc.Arbitrary<RawEvent> = fc.record({
  event: fc.option(lineValue.filter((s) => s.length > 0), { nil: undefined }),
  data: fc.array(lineValue, { minLength: 1, maxLength: 4 }),
  comments: fc.array(lineValue, { maxLength: 2 }),
  id: fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 8 }).map((s) => s.replace(/[\r\n\0]/g, '')), { nil: undefined }),
  extra: fc.boolean(),
});

/** Serializes events with a random line ending per line and a random choice of `field: value` or `field:value`. */
function serialize(events: readonly RawEvent[], endings: readonly ('\n' | '\r\n' | '\r')[], spaced: readonly boolean[]): string {
  let text = '';
  let k = 0;
  let previousEnding = '';
  const line = (content: string): void => {
    let ending = endings[k % endings.length] ?? '\n';
    // A blank line right after a CR-terminated one must not start with LF: CR LF would read as one line break.
    if (content === '' && previousEnding === '\r' && ending === '\n') ending = '\r\n';
    text += content + ending;
    previousEnding = ending;
    k++;
  };
  const field = (name: string, value: string): void => {
    // Without the space, a value starting with one would lose it.
    line(spaced[k % spaced.length] || value.startsWith(' ') ? `${name}: ${value}` : `${name}:${value}`);
  };
  for (const event of events) {
    for (const comment of event.comments) line(`:${comment}`);
    if (event.event !== undefined) field('event', event.event);
    if (event.id !== undefined) field('id', event.id);
    if (event.extra) line('retry: 3000');
    for (const data of event.data) field('data', data);
    line('');
  }
  return text;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ event: string | undefined; data: string }[]> {
  const events: { event: string | undefined; data: string }[] = [];
  for await (const message of readSse(stream)) events.push({ event: message.event, data: message.data });
  return events;
}

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

/** Arbitrary JSON-safe chunks with hostile strings (line breaks, U+2028, astral characters) inside. */
const jsonChunk = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const request = (route: string): Request =>
  new Request(`http://localhost/api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: null }) });

describe('fuzz: SSE framing survives any split of the bytes', () => {
  it('readSse decodes any valid stream identically, however its bytes are split (CRLF pairs and multi-byte characters too)', { timeout: 60_000 }, () =>
    check(
      'raw SSE × byte splits',
      5_000,
      fc.record({
        events: fc.array(rawEvent, { minLength: 1, maxLength: 8 }),
        endings: fc.array(fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const), { minLength: 1, maxLength: 6 }),
        spaced: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        cuts: cutsOf,
      }),
      async ({ events, endings, spaced, cuts }) => {
        const bytes = new TextEncoder().encode(serialize(events, endings, spaced));
        const decoded = await readAll(body(bytes, cuts));
        // An event with empty data carries nothing and is skipped (a keep-alive `event: ping`, a bare `data:`).
        const expected = events.map((e) => ({ event: e.event, data: e.data.join('\n') })).filter((e) => e.data !== '');
        expect(decoded).toEqual(expected);
      },
    ));

  it('what createHandler sends, readRunStream reads back exactly: data chunks, in any split', { timeout: 60_000 }, () =>
    check('server data events → client × byte splits', 1_000, fc.record({ chunks: fc.array(jsonChunk, { maxLength: 12 }), cuts: cutsOf }), async ({ chunks, cuts }) => {
      const response = await createHandler(fakeRunnable(chunks, { aggregate: { kind: 'items' } }))(request('stream'));
      const items: RunStreamItem[] = [];
      for await (const item of readRunStream(new Response(body(await bytesOf(response), cuts)))) items.push(item);
      expect(items[0]).toMatchObject({ type: 'metadata', aggregate: { kind: 'items' } });
      // Items never coalesce (chunks of one turn under a delta rule would): each arrives as sent.
      expect(items.slice(1)).toEqual(chunks.map((value) => ({ type: 'chunk', value })));
    }));

  it('patch streams of any JSON document rebuild it exactly, in any split', { timeout: 60_000 }, () =>
    check(
      'server patch events → client × byte splits',
      1_000,
      fc.record({ document: fc.jsonValue({ maxDepth: 4 }), size: fc.integer({ min: 1, max: 16 }), cuts: cutsOf }),
      async ({ document, size, cuts }) => {
        const text = JSON.stringify(document);
        const pieces: string[] = [];
        for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
        const response = await createHandler(lambda(() => from(pieces)).pipe(jsonParser()))(request('stream'));
        let last: unknown;
        for await (const item of readRunStream(new Response(body(await bytesOf(response), cuts)))) if (item.type !== 'metadata') last = item.value;
        expect(last).toEqual(JSON.parse(text));
      },
    ));

  it('a stream cut anywhere before its end event is a TruncatedStreamError after a prefix of the items, nothing else', { timeout: 60_000 }, () =>
    check(
      'truncated server streams',
      1_000,
      fc.record({ chunks: fc.array(jsonChunk, { minLength: 1, maxLength: 8 }), at: fc.nat(), cuts: cutsOf }),
      async ({ chunks, at, cuts }) => {
        const full = await bytesOf(await createHandler(fakeRunnable(chunks, { aggregate: { kind: 'items' } }))(request('stream')));
        // Any prefix short of the final byte: the blank line that completes `end` never arrives.
        const kept = full.slice(0, at % full.length);
        const items: unknown[] = [];
        const error = await (async () => {
          for await (const item of readRunStream(new Response(body(kept, cuts)))) if (item.type !== 'metadata') items.push(item.value);
        })().then(() => undefined, (e: unknown) => e);
        expect(RemoteError.isInstance(error) && error.name === 'TruncatedStreamError').toBe(true);
        expect(items).toEqual(chunks.slice(0, items.length));
      },
    ));

  it('RemoteRunnable facing any answer at all (garbage bytes, bad JSON, bad patches, odd statuses) settles with a typed error', { timeout: 60_000 }, () => {
    const sseLine = fc.oneof(
      fc.constantFrom('event: data', 'event: patch', 'event: error', 'event: end', 'event: nonsense', '', ': heartbeat', 'data: '),
      fc.constantFrom('data: {"op":"add","path":"/a/b","value":1}', 'data: [{"op":"remove","path":""}]', 'data: [{"op":"append","path":"","value":"x"}]', 'data: [{"op":"add","path":"/__proto__/x","value":1}]'),
      fc.constantFrom('data: {"name":"ProviderError","message":"m","status":"x"}', 'data: {"name":1}', 'data: null', 'data: [1', 'data: "\\ud800"'),
      lineValue.map((v) => `data: ${v}`),
      fc.jsonValue({ maxDepth: 2 }).map((v) => `data: ${JSON.stringify(v)}`),
    );
    const answer = fc.record({
      status: fc.constantFrom(200, 200, 200, 204, 400, 404, 413, 500, 502),
      type: fc.constantFrom('text/event-stream', 'application/json', 'text/html', ''),
      text: fc.oneof(fc.array(sseLine, { maxLength: 20 }).map((lines) => lines.join('\n') + '\n\n'), fc.string({ unit: 'binary', maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v))),
      cuts: cutsOf,
    });
    return check('RemoteRunnable × arbitrary answers', 2_000, answer, async ({ status, type, text, cuts }) => {
      const fetchAnswer = async (): Promise<Response> => {
        const bytes = new TextEncoder().encode(text);
        return new Response(status === 204 ? null : body(bytes, cuts), { status, headers: type ? { 'content-type': type } : {} });
      };
      const remote = new RemoteRunnable<unknown, unknown>({ url: 'http://localhost/api', fetch: fetchAnswer });
      for (const run of [() => remote.invoke(1), () => remote.batch([1, 2])]) {
        const error = await run().then(() => undefined, (e: unknown) => e);
        if (error !== undefined && !RivuletError.isInstance(error)) throw new Error(`untyped: ${String(error)}`, { cause: error });
      }
    });
  });

  it('checked every case it planned (a property that silently ran nothing would pass)', () => {
    expect(Object.keys(planned).length).toBeGreaterThan(0);
    for (const name of Object.keys(planned)) expect({ name, checked: checked[name] ?? 0 }).toEqual({ name, checked: planned[name] });
  });
});
