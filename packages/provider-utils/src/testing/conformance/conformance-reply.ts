/** A tool call the scripted model makes. */
export interface ConformanceToolCall {
  readonly id: string;
  readonly name: string;
  /** The arguments as the JSON text the model writes, streamed in `chunkSize` pieces. */
  readonly arguments: string;
}

/** Token counts the scripted model reports. */
export interface ConformanceUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Why the scripted model stops, in Rivulet's words; each adapter uses its provider's own. */
export type ConformanceFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/**
 * One scripted answer of a provider's mock server, described without any
 * provider's wire format. A provider's conformance adapter translates it into
 * its own mock's reply, so the same scenario runs against every provider; the
 * fault fields map onto the mock-server kit's fault schedule through
 * `conformanceFaults`, so an adapter writes only its content mapping.
 *
 * Fault positions (`...AfterChunks`) count the content deltas sent before the
 * fault: `2` means "after the first two `chunkSize` pieces of `text`". The
 * suite only scripts faults on text-only replies, so `conformanceFaults` turns
 * a position into a wire position by adding the events that precede the
 * first text delta (OpenAI's role chunk; Anthropic's `message_start` and
 * `content_block_start`).
 */
export interface ConformanceReply {
  /** Reply text, streamed in `chunkSize` pieces. */
  readonly text?: string;
  /** Reasoning, streamed before the text in the provider's reasoning channel. */
  readonly reasoning?: string;
  /** Tool calls, streamed after the text. */
  readonly toolCalls?: readonly ConformanceToolCall[];
  /**
   * JSON the model answers with when asked for structured output, delivered the
   * way the request asked: as text under a JSON response format (or JSON mode),
   * as the arguments of the forced tool otherwise. The adapter reads its own
   * request to tell which.
   */
  readonly structured?: string;
  /** `tool_calls` when there are tool calls, else `stop`, unless told. */
  readonly finishReason?: ConformanceFinishReason;
  /** Usage to report; the adapter's mock estimates it when left out. */
  readonly usage?: ConformanceUsage;
  /** Characters per delta; 4 unless told. */
  readonly chunkSize?: number;
  /** Pause between two deltas, in ms. */
  readonly delayMs?: number;

  /** Answer with this HTTP status (400 or more) and an error body instead of a reply. */
  readonly status?: number;
  /** With `status`: ask the client to wait this long before retrying (the provider's Retry-After header). */
  readonly retryAfterMs?: number;
  /** The message of the error body, for `status` and `errorEventAfterChunks`. */
  readonly errorMessage?: string;
  /** The error code of the error body (OpenAI's `error.code` and `error.type`, Anthropic's `error.type`). */
  readonly errorCode?: string;
  /** The request id the server answers with, in its request-id header (and error bodies that repeat it). */
  readonly requestId?: string;
  /** Wait this long before sending the response headers; `Infinity`: never send them. */
  readonly headersDelayMs?: number;
  /** Answer 200 with this page as `text/html` instead of the stream (a proxy's login page). */
  readonly htmlPage?: string;
  /** Go silent right after the headers, before any event, until the client leaves. */
  readonly stallAfterHeaders?: boolean;
  /** Go silent after this many deltas until the client leaves. */
  readonly stallAfterChunks?: number;
  /** Cut the connection after this many deltas. */
  readonly dropAfterChunks?: number;
  /** Send the provider's mid-stream error event after this many deltas, then end the stream. */
  readonly errorEventAfterChunks?: number;
  /** Send one event that is not valid JSON after this many deltas; the stream then goes on. */
  readonly malformedAfterChunks?: number;
  /** Send one event of the wrong shape (`{"foo":1}`) after this many deltas; the stream then goes on. */
  readonly wrongShapeAfterChunks?: number;
  /** Send a keep-alive without data (SSE `event: ping`) after each of these numbers of deltas. SSE targets only. */
  readonly keepAliveAfterChunks?: readonly number[];
  /** End the stream after the content without saying the model finished (no finish reason, no end event). */
  readonly truncate?: boolean;
}

/**
 * What a conformance server answers: one reply for every request, or reply
 * `i` of an array for the `i`-th request (a request past the end is an error).
 */
export type ConformanceScript = ConformanceReply | readonly ConformanceReply[];
