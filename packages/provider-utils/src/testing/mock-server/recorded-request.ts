import type { IncomingHttpHeaders } from 'node:http';

/**
 * How a recorded exchange ended: `'finished'` when the server completed its
 * response, `'client-closed'` when the client went away first (an abort),
 * `'server-dropped'` when the server cut the connection on purpose (a fault, or
 * `close()` while the response was still open).
 */
export type RequestOutcome = 'pending' | 'finished' | 'client-closed' | 'server-dropped';

/**
 * One request as a mock server saw it, updated live while its response runs.
 * Tests read it to assert what the client sent and how the exchange ended.
 *
 * @typeParam Body - the shape the parsed JSON body is expected to have; it is
 * not validated, only typed for convenient assertions.
 */
export interface RecordedRequest<Body = unknown> {
  /** Position among all requests this server received, from 0. */
  readonly index: number;
  /** HTTP method, upper case. */
  readonly method: string;
  /** Path and query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** Request headers, names in lower case. */
  readonly headers: IncomingHttpHeaders;
  /** The body as text, `''` when there was none. */
  readonly rawBody: string;
  /** The body parsed as JSON; `undefined` when empty or not valid JSON. */
  readonly body: Body | undefined;
  /** The request id the server sent back in its request-id header. */
  readonly requestId: string;
  /** HTTP status of the response, once headers were sent. */
  readonly status: number | undefined;
  /** Stream events written so far, every `data:` event counted (`[DONE]`, error and malformed ones too). */
  readonly eventsSent: number;
  /** How the exchange ended so far. */
  readonly outcome: RequestOutcome;
  /**
   * True when the client closed the connection before the server finished the
   * response. Becomes true as soon as the socket closes, not when the server
   * next tries to write.
   */
  readonly closedEarly: boolean;
  /** Resolves once the response finished or its connection closed, whichever comes first. */
  readonly settled: Promise<void>;
  /**
   * Resolves once the TCP socket that carried this request is closed. A
   * finished keep-alive socket stays open until the client or `close()` ends it,
   * so await this only after an abort or a drop.
   */
  readonly socketClosed: Promise<void>;
}
