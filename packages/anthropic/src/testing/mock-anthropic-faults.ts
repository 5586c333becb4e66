import type { FaultSchedule } from '@rivulet/provider-utils/testing';

/** The `error` object of an Anthropic error body; missing fields get defaults fitting the status. */
export interface MockAnthropicError {
  /** e.g. `overloaded_error`, `rate_limit_error`. */
  readonly type?: string;
  readonly message?: string;
}

/**
 * Faults a reply can inject: the mock-server kit's fault schedule (status
 * errors, Retry-After, delays, drops, stalls, error, malformed and wrong-shape
 * events, keep-alives, an HTML page) with Anthropic's error object, plus
 * Anthropic's `x-should-retry` header and its end-of-message events.
 * Positions count the events of the stream (`message_start` included, pings
 * and keep-alives not): `n = 0` acts right after the headers, `n = 2` after
 * `message_start` and the first `content_block_start`. The mid-stream error
 * event is `event: error` (type `overloaded_error` unless told), and the
 * stream then ends.
 *
 * @example
 * ```ts
 * const faults: MockAnthropicFaults = { status: 529, retryAfter: 0.1, shouldRetry: true };
 * ```
 */
export interface MockAnthropicFaults extends FaultSchedule<MockAnthropicError> {
  /** Sets Anthropic's `x-should-retry` header. */
  readonly shouldRetry?: boolean;
  /** Leave out `message_delta` (stop reason and final usage). */
  readonly omitMessageDelta?: boolean;
  /** Leave out `message_stop`; the stream just ends. */
  readonly omitMessageStop?: boolean;
}
