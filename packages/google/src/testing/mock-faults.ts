import type { FaultSchedule } from '@rivulet/provider-utils/testing';

/** The `error` object of a Google error body; missing fields get defaults fitting the status. */
export interface MockErrorBody {
  readonly message?: string;
  /** The `google.rpc.Code` name, e.g. `RESOURCE_EXHAUSTED`; derived from the HTTP status unless told. */
  readonly status?: string;
  /** `error.details` entries (`ErrorInfo`, `RetryInfo`, ...). */
  readonly details?: readonly unknown[];
}

/**
 * Faults a reply can inject: the mock-server kit's fault schedule (played by
 * the kit, with Google's error body and framing), plus Google's own way of
 * asking for a wait and a stream cut before the model finished. Positions
 * count the chunks of the stream; Gemini sends nothing before its first
 * content chunk, so a position is also the number of pieces received.
 */
export interface MockFaults extends FaultSchedule<MockErrorBody> {
  /** With `status`: a `google.rpc.RetryInfo` detail with this `retryDelay` (e.g. `"2s"`), as Google asks for a wait. */
  readonly retryDelay?: string;
  /** End the stream without a finish reason and without the final usage: a stream cut before the model finished. */
  readonly truncate?: boolean;
}
