import type { FaultSchedule } from '@rivulet/provider-utils/testing';

/** The `error` object of an OpenAI error body; missing fields get defaults fitting the status. */
export interface MockErrorBody {
  readonly message?: string;
  readonly type?: string;
  readonly code?: string | null;
  readonly param?: string | null;
}

/**
 * Faults a reply can inject: the mock-server kit's fault schedule (status
 * errors, Retry-After, delays, drops, stalls, error, malformed and wrong-shape
 * events, keep-alives, an HTML page) with OpenAI's error object, plus OpenAI's
 * own end-of-stream events. Positions count the `data:` events of the stream
 * (role chunk included): `n = 0` acts right after the headers, `n = 2` after
 * two chunks. For a non-streaming request, `stallAfterChunks` and
 * `dropAfterChunks` act after the headers, whatever `n`. The mid-stream error
 * event is `data: {"error": {...}}`, and the stream then ends without `[DONE]`.
 *
 * @example
 * ```ts
 * const faults: MockFaults = { text: 'abcd', errorEventAfterChunks: 2, error: { message: 'overloaded', code: 'overloaded' } };
 * ```
 */
export interface MockFaults extends FaultSchedule<MockErrorBody> {
  /** End the stream without `data: [DONE]`. */
  readonly omitDone?: boolean;
  /**
   * Leave out the finish chunks (and the usage chunk); with `omitDone` this is
   * a stream truncated before the model finished.
   */
  readonly omitFinishReason?: boolean;
}
