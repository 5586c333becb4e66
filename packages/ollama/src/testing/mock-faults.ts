import type { FaultSchedule } from '@rivulet/provider-utils/testing';

/** The error of an Ollama error body, `{"error": "<message>"}`: Ollama's errors carry a message and nothing else. */
export interface MockOllamaError {
  /** A message fitting the status unless told. */
  readonly message?: string;
}

/** A line to slip into a chat stream verbatim. */
export interface MockExtraLine {
  /** After how many lines of the reply it goes (0: first); it is not counted as a line. */
  readonly after: number;
  /** The line, without its newline: JSON of some wrong shape, say. */
  readonly line: string;
}

/**
 * Faults a reply can inject: the mock-server kit's fault schedule (status
 * errors with Ollama's `{"error": "..."}` body, Retry-After as a proxy would
 * send it, delays, drops, stalls, error, malformed and wrong-shape lines, a
 * 200 HTML page), plus Ollama's own end of stream and raw wire. Positions
 * count the NDJSON lines of a chat stream (thinking, text, tool-call and
 * `done` lines alike): `n = 0` acts right after the headers. The mid-stream
 * error is Ollama's error line, `{"error": "..."}`, after which the stream
 * ends. For a non-streamed answer (embeddings, `stream: false`),
 * `stallAfterChunks` and `dropAfterChunks` act after the headers.
 *
 * @example
 * ```ts
 * const faults: MockOllamaFaults = { status: 404, error: { message: 'model "x" not found, try pulling it first' } };
 * const crash: MockOllamaFaults = { errorEventAfterChunks: 2, error: { message: 'model runner has unexpectedly stopped' } };
 * ```
 */
export interface MockOllamaFaults extends FaultSchedule<MockOllamaError> {
  /** End the stream without the `done: true` line, as a stream cut off before the model finished. */
  readonly omitDone?: boolean;
  /** Lines to slip into a chat stream verbatim; the stream goes on after each. */
  readonly extraLines?: readonly MockExtraLine[];
  /** Answer 200 with this body instead of the reply: hand-written wire (NDJSON lines, a JSON body of some shape). */
  readonly verbatimBody?: { readonly contentType: string; readonly text: string };
}
