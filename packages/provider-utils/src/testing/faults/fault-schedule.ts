/**
 * The faults a scripted reply of any provider's mock can inject: one schedule,
 * played by the same code for every wire (`playFaultsBeforeReply`,
 * `playEventStream`, `sendJsonWithFaults`); a mock supplies only its wire
 * encodings ({@link FaultWire}) and its own finish events.
 *
 * Positions (`...AfterChunks`) count the stream events written before the
 * fault: a chunk is one event on the wire (an SSE event, an NDJSON line), a
 * provider's preamble (OpenAI's role chunk, Anthropic's `message_start`)
 * included; keep-alives and a mock's asides (Anthropic's pings) are not
 * counted. `0` acts right after the headers. For an answer that is not
 * streamed, `stallAfterChunks` and `dropAfterChunks` act after the headers,
 * whatever the position.
 *
 * @typeParam ErrorShape - the fields of the provider's error object
 * (OpenAI: `message`, `type`, `code`, `param`; Anthropic: `type`, `message`).
 *
 * @example
 * ```ts
 * const faults: FaultSchedule<{ message?: string }> = { status: 429, retryAfter: 1 };
 * const stalled: FaultSchedule = { stallAfterChunks: 0 }; // silent right after the headers
 * ```
 */
export interface FaultSchedule<ErrorShape extends object = object> {
  /** Answer with this HTTP status (400 or more) and the provider's error body built from `error`, instead of a reply. */
  readonly status?: number;
  /**
   * The error for `status`, `jsonErrorBody` and `errorEventAfterChunks`;
   * fields left out get defaults fitting the status. A string is sent
   * verbatim as a `text/plain` body with `status` (a proxy's error page), and
   * counts as the message elsewhere.
   */
  readonly error?: ErrorShape | string;
  /** Extra response headers, on any answer. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sets `retry-after` to this many seconds (fractions allowed). */
  readonly retryAfter?: number;
  /** Sets `retry-after-ms`, the millisecond variant some SDKs prefer. */
  readonly retryAfterMs?: number;
  /**
   * The request id to answer with, in the server's request-id header (and in
   * error bodies that carry one), instead of the generated one: to echo
   * something odd back, such as the caller's API key.
   */
  readonly requestId?: string;
  /** Wait this long before sending headers; `Infinity`: never send them (until the client leaves or the server closes). */
  readonly headersDelayMs?: number;
  /** Destroy the connection before sending anything. */
  readonly dropBeforeHeaders?: boolean;
  /** Answer 200 with `content-type: application/json` and the provider's error body although a stream was asked for, as some servers do. */
  readonly jsonErrorBody?: boolean;
  /** Answer 200 with this body as `text/html` instead of the reply: a proxy's login page. */
  readonly htmlPage?: string;
  /** Go silent after this many chunks, for `stallMs` or, without it, until the client or the server closes. */
  readonly stallAfterChunks?: number;
  /** How long a stall lasts; forever unless told. */
  readonly stallMs?: number;
  /** Destroy the connection after this many chunks: the chunked body never terminates. */
  readonly dropAfterChunks?: number;
  /** After this many chunks send the provider's error event, built from `error`, and end the stream. */
  readonly errorEventAfterChunks?: number;
  /** After this many chunks send one event whose data is not valid JSON; the stream then goes on. */
  readonly malformedAfterChunks?: number;
  /** After this many chunks send one event of the wrong shape, `{"foo":1}` (valid JSON, not the provider's); the stream then goes on. */
  readonly wrongShapeAfterChunks?: number;
  /** Send a keep-alive without data (SSE `event: ping`) after each of these positions. */
  readonly keepAliveAfterChunks?: readonly number[];
}
