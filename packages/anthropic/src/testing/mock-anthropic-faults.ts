/** The `error` object of an Anthropic error body; missing fields get defaults fitting the status. */
export interface MockAnthropicError {
  /** e.g. `overloaded_error`, `rate_limit_error`. */
  readonly type?: string;
  readonly message?: string;
}

/**
 * Faults a reply can inject. Positions count the events of the stream
 * (`message_start` included, pings not): `n = 0` acts right after the headers,
 * `n = 2` after `message_start` and the first `content_block_start`. For a
 * non-streaming request, `stallAfterEvents` and `dropAfterEvents` act after
 * the headers, whatever `n`.
 */
export interface MockAnthropicFaults {
  /** Answer with this HTTP status (400 or more) and an Anthropic error body built from `error`. */
  readonly status?: number;
  /**
   * The error for `status`, `jsonErrorBody` and `errorEventAfterEvents`. A
   * string is sent verbatim as a `text/plain` body with `status` (a proxy's page).
   */
  readonly error?: MockAnthropicError | string;
  /** Extra response headers, on any reply. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sets `retry-after` to this many seconds (fractions allowed), as Anthropic does on 429 and 529. */
  readonly retryAfter?: number;
  /** Sets `retry-after-ms`. */
  readonly retryAfterMs?: number;
  /** Sets Anthropic's `x-should-retry` header. */
  readonly shouldRetry?: boolean;
  /** Wait this long before sending headers. */
  readonly headersDelayMs?: number;
  /** Destroy the connection before sending anything. */
  readonly dropBeforeHeaders?: boolean;
  /** Answer with HTTP 200, `content-type: application/json` and an error body although a stream was asked for. */
  readonly jsonErrorBody?: boolean;
  /** Go silent after this many events, for `stallMs` or, without it, until the client or server closes. */
  readonly stallAfterEvents?: number;
  /** How long a stall lasts; forever unless told. */
  readonly stallMs?: number;
  /** Destroy the connection after this many events: the chunked body never terminates. */
  readonly dropAfterEvents?: number;
  /** After this many events send `event: error` (type `overloaded_error` unless told) and end the stream. */
  readonly errorEventAfterEvents?: number;
  /** After this many events send one event whose data is not valid JSON; the stream then goes on. */
  readonly malformedAfterEvents?: number;
  /** Leave out `message_delta` (stop reason and final usage). */
  readonly omitMessageDelta?: boolean;
  /** Leave out `message_stop`; the stream just ends. */
  readonly omitMessageStop?: boolean;
}
