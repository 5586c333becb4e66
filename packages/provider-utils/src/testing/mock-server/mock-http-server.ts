import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpExchange } from './http-exchange.js';
import type { RecordedRequest } from './recorded-request.js';
import { readBody } from './read-body.js';
import { createRequestId } from './request-id.js';
import { RequestTracker } from './request-tracker.js';
import { SocketRegistry } from './socket-registry.js';

/** Options of {@link startMockHttpServer}. */
export interface MockHttpServerOptions<Body> {
  /**
   * Answers one request. It may take as long as it likes; it should stop once
   * `exchange.signal` aborts. A throw becomes a plain 500, or a dropped
   * connection when headers were already sent.
   */
  readonly handle: (exchange: HttpExchange<Body>) => void | Promise<void>;
  /** Response header that carries the generated request id; `x-request-id` unless told. */
  readonly requestIdHeader?: string;
}

/** A running mock server: the generic base of provider mocks. */
export interface MockHttpServer<Body = unknown> {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly origin: string;
  /** Every request received, in arrival order, each updated live. */
  readonly requests: RecordedRequest<Body>[];
  /**
   * Stops the server: aborts running handlers, destroys every socket
   * (keep-alive and stalled ones included) and resolves once the listener is
   * closed. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on a free loopback port that records every request
 * and hands it to `handle`. Provider mocks (OpenAI, Anthropic) are routes on
 * top of it.
 */
export async function startMockHttpServer<Body = unknown>(
  options: MockHttpServerOptions<Body>,
): Promise<MockHttpServer<Body>> {
  const requests: RecordedRequest<Body>[] = [];
  const live = new Set<RequestTracker<Body>>();
  const requestIdHeader = options.requestIdHeader ?? 'x-request-id';

  const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const index = requests.length;
    const requestId = createRequestId(index);
    response.setHeader(requestIdHeader, requestId);
    const body = await readBody(request).catch(() => ({ raw: '', json: undefined }));
    // The body is typed by the caller's expectation; it is JSON, not validated.
    const tracker = new RequestTracker<Body>(request, response, {
      index,
      requestId,
      rawBody: body.raw,
      body: body.json as Body | undefined,
    });
    requests.push(tracker.record);
    live.add(tracker);
    void tracker.record.settled.then(() => live.delete(tracker));
    try {
      await options.handle(toExchange(request, response, tracker, requestIdHeader));
    } catch (error) {
      answerCrash(response, error);
    }
  };

  const server = createServer((request, response) => void onRequest(request, response));
  const sockets = new SocketRegistry(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      for (const tracker of live) tracker.noteServerDrop();
      server.close(() => resolve());
      sockets.destroyAll();
    }));

  return { origin: `http://127.0.0.1:${port}`, requests, close };
}

function toExchange<Body>(
  request: IncomingMessage,
  response: ServerResponse,
  tracker: RequestTracker<Body>,
  requestIdHeader: string,
): HttpExchange<Body> {
  return {
    request,
    response,
    requestIdHeader,
    record: tracker.record,
    signal: tracker.signal,
    noteStatus: (status) => tracker.noteStatus(status),
    noteEvent: () => tracker.noteEvent(),
    noteServerDrop: () => tracker.noteServerDrop(),
  };
}

function answerCrash(response: ServerResponse, error: unknown): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`mock server handler failed: ${message}`);
}
