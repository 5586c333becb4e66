import type { MockOllamaFaults } from './mock-faults.js';

/** One tool call the mock model makes; Ollama sends each whole, without an id. */
export interface MockOllamaToolCall {
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** Counts to report; left out, they are estimated (about 4 characters a prompt token, one token per streamed piece). */
export interface MockOllamaUsage {
  readonly promptEvalCount?: number;
  readonly evalCount?: number;
}

/**
 * One scripted answer of the mock Ollama server, to `/api/chat` (the text
 * fields) or `/api/embed` (`embeddings`), with the faults to inject. Every
 * field is optional; `{}` is an empty, successful reply.
 *
 * @example
 * ```ts
 * const server = await startMockOllamaServer([
 *   { status: 503, error: { message: 'server busy' } },
 *   { thinking: 'Short answer.', text: 'Hello there', chunkSize: 2, delayMs: 5 },
 * ]);
 * ```
 */
export interface MockOllamaReply extends MockOllamaFaults {
  /** Assistant text, streamed in `chunkSize` pieces, one line each. */
  readonly text?: string;
  /** Thinking, streamed as `message.thinking` before the text. */
  readonly thinking?: string;
  /** Tool calls, after the text: one line each, or all in one line with `toolCallsInOneLine`. */
  readonly toolCalls?: readonly MockOllamaToolCall[];
  readonly toolCallsInOneLine?: boolean;
  /** `done_reason` of the last line; `stop` unless told (Ollama says `stop` after tool calls too). */
  readonly doneReason?: string;
  /** Counts for the `done` line (chat) or `prompt_eval_count` (embed). */
  readonly usage?: MockOllamaUsage;
  /** Characters per streamed piece; 4 unless told. */
  readonly chunkSize?: number;
  /** Pause between two lines, in ms. */
  readonly delayMs?: number;
  /** Model name in the response; the request's unless told. */
  readonly model?: string;
  /** Vectors for `/api/embed`, one per input; deterministic unit vectors of the text unless told. */
  readonly embeddings?: readonly (readonly number[])[];
}
