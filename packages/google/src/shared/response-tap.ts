import { expectContentType, requestIdOf, type ErrorContext } from '@rivulet/provider-utils';
import { NO_KEY, type GoogleConnection } from './google-client.js';
import { googleErrorRules } from './google-error-rules.js';
import { googleHttpError } from './google-http-error.js';

/**
 * The `fetch` of one SDK call (`httpOptions.fetch`), which sees the raw
 * response before the SDK does. `@google/genai` parses responses itself and
 * keeps neither the body nor the headers of a failure, so the tap checks
 * what Rivulet promises to check: an HTTP error becomes a `ProviderError`
 * with status, code, request id and Retry-After (thrown from the fetch, the
 * SDK passes it through untouched); a 200 of the wrong content type is
 * `unexpected_content_type`. A streaming call's body is then read by Rivulet's
 * own SSE decoder from {@link ResponseTap.body}, and the SDK's stream is never
 * started.
 */
export class ResponseTap {
  #context: ErrorContext;
  #body: ReadableStream<Uint8Array> | undefined;
  #sent = false;
  readonly #connection: GoogleConnection;
  readonly #accepted: string;

  constructor(connection: GoogleConnection, context: ErrorContext, accepted: 'text/event-stream' | 'application/json') {
    this.#connection = connection;
    this.#context = context;
    this.#accepted = accepted;
  }

  /** The error context, with the response's request id once there is one. */
  get context(): ErrorContext {
    return this.#context;
  }

  /** True once the request went out: an SDK failure before it is a bad request, not a transport error. */
  get sent(): boolean {
    return this.#sent;
  }

  /** True once the response arrived and passed its checks: a failure after it is a torn body, not a connection never made. */
  get answered(): boolean {
    return this.#body !== undefined;
  }

  /** The checked body of the response. */
  body(): ReadableStream<Uint8Array> {
    if (this.#body === undefined) throw new Error('The SDK returned without sending its request.');
    return this.#body;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    this.#sent = true;
    const headers = new Headers(init?.headers);
    if (headers.get('x-goog-api-key') === NO_KEY) headers.delete('x-goog-api-key');
    const response = await this.#connection.fetch(input, { ...init, headers });
    const requestId = requestIdOf(response);
    if (requestId !== undefined) this.#context = { ...this.#context, requestId };
    if (!response.ok) throw await googleHttpError(response, this.#context);
    this.#body = await expectContentType(response, this.#context, [this.#accepted], googleErrorRules);
    return response;
  };
}

