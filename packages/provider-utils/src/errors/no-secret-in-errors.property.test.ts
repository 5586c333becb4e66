import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectContentType } from '../http/expect-content-type.js';
import { parseEventJson } from './parse-event-json.js';
import { visibleTexts } from '../testing/conformance/visible-texts.js';
import type { ErrorContext } from './error-context.js';
import { fromHttpResponse, type HttpErrorRules } from './from-http-response.js';
import { fromTransportError } from './from-transport-error.js';
import { providerError } from './provider-error-from.js';

// Servers echo the caller's key back in every field they control: the error
// body (message, code, type, param, status, request id), the request-id
// header, Retry-After, and the messages of the transport errors below. Whatever
// they do, no field a user or a client sees (message, code, requestId, toJSON,
// stack, the cause chain, what a log prints) may show the key.

/** A key as providers issue them: a prefix and a long random tail. */
const apiKey = fc
  .tuple(fc.constantFrom('sk-', 'sk-ant-', 'AIza', 'gsk_', ''), fc.stringMatching(/^[A-Za-z0-9_-]{16,48}$/))
  .map(([prefix, tail]) => `${prefix}${tail}`);

/** Header-safe text: printable ASCII. */
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);

/** A field value that may echo the key: the key itself, the key inside other text, or text without it. */
function echo(key: string): fc.Arbitrary<string> {
  return fc.oneof(fc.constant(key), fc.tuple(headerText, headerText).map(([before, after]) => `${before}${key}${after}`), headerText);
}

/** An error body of one of the shapes providers send, every string field possibly echoing the key. */
function errorBody(key: string): fc.Arbitrary<string> {
  const text = echo(key);
  return fc.oneof(
    fc.record({ error: fc.record({ message: text, type: text, code: fc.option(text), param: fc.option(text) }) }).map((b) => JSON.stringify(b)),
    fc.record({ type: fc.constant('error'), error: fc.record({ type: text, message: text }), request_id: text }).map((b) => JSON.stringify(b)),
    fc.record({ error: fc.record({ code: fc.integer({ min: 400, max: 599 }), message: text, status: text }) }).map((b) => JSON.stringify(b)),
    fc.record({ error: text }).map((b) => JSON.stringify(b)),
    text.map((t) => `<html><body>${t}</body></html>`),
    text,
  );
}

/** Response headers a provider sets, echoing the key in the request id and in junk Retry-After values. */
function headers(key: string): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      'x-request-id': echo(key),
      'request-id': echo(key),
      'retry-after': fc.oneof(echo(key), fc.nat({ max: 5 }).map(String)),
      'retry-after-ms': echo(key),
      'x-should-retry': fc.constantFrom('true', 'false', 'maybe'),
      'content-type': fc.constantFrom('application/json', 'text/html; charset=utf-8', 'text/plain'),
    },
    { requiredKeys: [] },
  );
}

const rules = fc.record(
  {
    transientCodes: fc.array(headerText, { maxLength: 2 }),
    permanentCodes: fc.array(headerText, { maxLength: 2 }),
    requestIdHeaders: fc.constantFrom(['x-request-id'], ['request-id'], ['request-id', 'x-request-id']),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<HttpErrorRules>;

/** A transport failure as undici and SDKs throw them: an error whose message, and whose causes' messages, may echo the key. */
function transportError(key: string): fc.Arbitrary<unknown> {
  const text = echo(key);
  return fc.oneof(
    fc.tuple(text, text).map(([outer, inner]) => new TypeError(`fetch failed ${outer}`, { cause: new Error(inner) })),
    fc.tuple(text, text, text).map(([a, b, c]) => new Error(a, { cause: new TypeError(b, { cause: new Error(c) }) })),
    text.map((message) => new DOMException(message, 'NetworkError')),
    text,
  );
}

function expectHidden(error: unknown, key: string): void {
  for (const text of visibleTexts(error)) expect(text).not.toContain(key);
}

const context = (key: string, requestId?: string): ErrorContext => ({ provider: 'acme', secret: key, ...(requestId !== undefined && { requestId }) });

describe('no error shows the API key, whatever the server echoes', () => {
  it('fromHttpResponse: any status, body shape and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        apiKey.chain((key) =>
          fc.record({ key: fc.constant(key), status: fc.oneof(fc.constant(200), fc.integer({ min: 400, max: 599 })), body: errorBody(key), headers: headers(key), rules }),
        ),
        async ({ key, status, body, headers: head, rules: errorRules }) => {
          const error = await fromHttpResponse(new Response(body, { status, headers: head }), context(key), errorRules);
          expectHidden(error, key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('expectContentType: a page that is not the stream, or a JSON error body', async () => {
    await fc.assert(
      fc.asyncProperty(
        apiKey.chain((key) => fc.record({ key: fc.constant(key), body: errorBody(key), headers: headers(key) })),
        async ({ key, body, headers: head }) => {
          const error = await expectContentType(new Response(body, { status: 200, headers: head }), context(key), ['text/event-stream']).catch((e: unknown) => e);
          expectHidden(error, key);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('providerError: message, code, request id (given, or from the context) and cause messages', () => {
    fc.assert(
      fc.property(
        apiKey.chain((key) =>
          fc.record({
            key: fc.constant(key),
            message: echo(key),
            code: fc.option(echo(key), { nil: undefined }),
            requestId: fc.option(echo(key), { nil: undefined }),
            contextRequestId: fc.option(echo(key), { nil: undefined }),
            cause: fc.option(transportError(key), { nil: undefined }),
          }),
        ),
        ({ key, message, code, requestId, contextRequestId, cause }) => {
          const error = providerError(context(key, contextRequestId), message, {
            retryable: false,
            ...(code !== undefined && { code }),
            ...(requestId !== undefined && { requestId }),
            ...(cause !== undefined && { cause }),
          });
          expectHidden(error, key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fromTransportError: before the response and mid-stream, with the request id of the context', () => {
    fc.assert(
      fc.property(
        apiKey.chain((key) =>
          fc.record({
            key: fc.constant(key),
            error: transportError(key),
            requestId: fc.option(echo(key), { nil: undefined }),
            phase: fc.constantFrom('connect' as const, 'stream' as const),
          }),
        ),
        ({ key, error, requestId, phase }) => {
          expectHidden(fromTransportError(error, context(key, requestId), new AbortController().signal, phase), key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a message that quotes only the start of a body never shows part of the key: it is masked before it is cut', async () => {
    const filler = fc.stringMatching(/^[a-z ]{0,260}$/);
    await fc.assert(
      fc.asyncProperty(apiKey, filler, filler, async (key, before, after) => {
        const body = `${before}${key}${after}`;
        // Fragments the texts show anyway (a stack's file names: "property" from this file's) prove nothing.
        const stackOnly = visibleTexts(new Error('x')).join(' ');
        const fragments = [key.slice(0, 8), key.slice(-8)].filter((fragment) => !stackOnly.includes(fragment));
        const errors = [
          await fromHttpResponse(new Response(body, { status: 500 }), context(key)),
          await expectContentType(new Response(body, { status: 200, headers: { 'content-type': 'text/html' } }), context(key), ['text/event-stream']).catch((e: unknown) => e),
          (() => {
            try {
              return parseEventJson(body, context(key));
            } catch (error) {
              return error;
            }
          })(),
        ];
        for (const error of errors) for (const text of visibleTexts(error)) for (const fragment of fragments) expect(text).not.toContain(fragment);
      }),
      { numRuns: 300 },
    );
  });
});
