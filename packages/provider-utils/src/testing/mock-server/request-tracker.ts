import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest, RequestOutcome } from './recorded-request.js';
import { socketClosed } from './socket-closed.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the server knows about a request before its body is read. */
export interface RequestTrackerInit<Body> {
  readonly index: number;
  readonly requestId: string;
  readonly rawBody: string;
  readonly body: Body | undefined;
}

/**
 * Owns the live record of one exchange and the signal that tells the handler
 * to stop. The record is exposed read-only; only the tracker mutates it.
 */
export class RequestTracker<Body> {
  /** The live record handed to tests. */
  readonly record: RecordedRequest<Body>;
  readonly #state: Mutable<RecordedRequest<Body>>;
  readonly #controller = new AbortController();
  #serverDropping = false;

  constructor(request: IncomingMessage, response: ServerResponse, init: RequestTrackerInit<Body>) {
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const socket = request.socket;
    this.#state = {
      ...init,
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: request.headers,
      status: undefined,
      eventsSent: 0,
      outcome: 'pending',
      closedEarly: false,
      settled,
      socketClosed: socketClosed(socket),
    };
    this.record = this.#state;
    response.once('finish', () => this.#end('finished', settle));
    // 'close' fires on every response, after 'finish' when it completed; any
    // other close means the connection went away mid-exchange.
    response.once('close', () => this.#end(this.#serverDropping ? 'server-dropped' : 'client-closed', settle));
    if (socket.destroyed) this.#end('client-closed', settle);
  }

  /** Aborted when the exchange is over for any reason, so pending waits stop. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Notes the status once headers are written. */
  noteStatus(status: number): void {
    this.#state.status = status;
  }

  /** Counts one stream event written to the client. */
  noteEvent(): void {
    this.#state.eventsSent += 1;
  }

  /** Declares that the server itself is about to cut this connection. */
  noteServerDrop(): void {
    this.#serverDropping = true;
    this.#controller.abort();
  }

  #end(outcome: Exclude<RequestOutcome, 'pending'>, settle: () => void): void {
    if (this.#state.outcome === 'pending') {
      this.#state.outcome = outcome;
      this.#state.closedEarly = outcome === 'client-closed';
    }
    this.#controller.abort();
    settle();
  }
}
