import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest } from './recorded-request.js';

/**
 * Everything a route handler of a mock server gets for one request. The
 * handler writes to `response` through the helpers of this folder, which
 * keep `record` up to date and stop once `signal` is aborted.
 */
export interface HttpExchange<Body = unknown> {
  /** The raw Node request; its body was already read into `record`. */
  readonly request: IncomingMessage;
  /** The raw Node response. */
  readonly response: ServerResponse;
  /** The live record tests will read. */
  readonly record: RecordedRequest<Body>;
  /** The response header that carries the request id (`x-request-id` unless the server was told otherwise). */
  readonly requestIdHeader: string;
  /** Aborted once the client is gone, the server dropped it, or the server is closing. */
  readonly signal: AbortSignal;
  /** Notes the HTTP status written, for the record. */
  noteStatus(status: number): void;
  /** Notes one stream event written, for the record. */
  noteEvent(): void;
  /** Marks the coming connection loss as deliberate, so the record says `'server-dropped'`. */
  noteServerDrop(): void;
}
