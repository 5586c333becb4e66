/** The `error` object of an OpenAI error body; missing fields get defaults fitting the status. */
export interface MockErrorBody {
  readonly message?: string;
  readonly type?: string;
  readonly code?: string | null;
  readonly param?: string | null;
}

/**
 * Faults a reply can inject. Positions count the `data:` events of the
 * stream (role chunk included): `n = 0` acts right after the headers, `n = 2`
 * after two chunks. Stream faults apply to streaming requests; for a
 * non-streaming request, `stallAfterChunks` and `dropAfterChunks` act after
 * the headers, whatever `n`.
 */
export interface MockFaults {
  /**
   * Answer with this HTTP status (400 or more) and an OpenAI error body built
   * from `error`, instead of a completion.
   */
  readonly status?: number;
  /**
   * The error object for `status`, `jsonErrorBody` and `errorEventAfterChunks`.
   * A string is sent verbatim as a `text/plain` body with `status` (to imitate
   * a proxy's HTML or text error page).
   */
  readonly error?: MockErrorBody | string;
  /** Extra response headers, on any reply. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sets `Retry-After` to this many seconds. */
  readonly retryAfter?: number;
  /** Sets `retry-after-ms`, the millisecond variant the OpenAI SDK prefers. */
  readonly retryAfterMs?: number;
  /** Wait this long before sending headers (to test aborts and timeouts before headers). */
  readonly headersDelayMs?: number;
  /** Destroy the connection before sending anything. */
  readonly dropBeforeHeaders?: boolean;
  /**
   * Answer with HTTP 200, `content-type: application/json` and body
   * `{"error": {...}}` even though the request asked for a stream, as some
   * compatible servers do.
   */
  readonly jsonErrorBody?: boolean;
  /** Go silent after this many chunks, for `stallMs` or, without it, until the client or server closes. */
  readonly stallAfterChunks?: number;
  /** How long a stall lasts; forever unless told. */
  readonly stallMs?: number;
  /** Destroy the connection after this many chunks: the chunked body never terminates. */
  readonly dropAfterChunks?: number;
  /**
   * After this many chunks send OpenAI's mid-stream error event,
   * `data: {"error": {...}}` built from `error`, and end the stream.
   */
  readonly errorEventAfterChunks?: number;
  /** After this many chunks send one event whose data is not valid JSON; the stream then goes on. */
  readonly malformedAfterChunks?: number;
  /** End the stream without `data: [DONE]`. */
  readonly omitDone?: boolean;
  /**
   * Leave out the finish chunks (and the usage chunk); with `omitDone` this is
   * a stream truncated before the model finished.
   */
  readonly omitFinishReason?: boolean;
}
