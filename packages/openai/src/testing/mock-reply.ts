import type { MockFaults } from './mock-faults.js';

/** Why a choice stopped, as OpenAI reports it. */
export type MockFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

/** One tool call the mock model makes. */
export interface MockToolCall {
  /** Call id; `call_mock_<request index>_<n>` unless told, so no two responses of a server share one. */
  readonly id?: string;
  /** Function name. */
  readonly name: string;
  /** Arguments as the JSON text the model writes; streamed in `chunkSize` fragments. */
  readonly arguments: string;
}

/** What one choice of a completion contains. */
export interface MockChoiceReply {
  /** Assistant text, streamed in `chunkSize` pieces; `''` unless told. */
  readonly text?: string;
  /** Reasoning text, streamed as `delta.reasoning_content` before any content. */
  readonly reasoning?: string;
  /** Tool calls, streamed after the text. */
  readonly toolCalls?: readonly MockToolCall[];
  /** `'tool_calls'` when there are tool calls, else `'stop'`, unless told. */
  readonly finishReason?: MockFinishReason;
}

/** Token counts to report; fields left out are estimated (about 4 characters a token). */
export interface MockUsage {
  readonly promptTokens?: number;
  readonly completionTokens?: number;
  /** Sent as `completion_tokens_details.reasoning_tokens` when given. */
  readonly reasoningTokens?: number;
  /** Sent as `prompt_tokens_details.cached_tokens` when given. */
  readonly cachedPromptTokens?: number;
}

/** One entry of Perplexity's `search_results`. */
export interface MockSearchResult {
  readonly title: string;
  readonly url: string;
  readonly date?: string | null;
}

/** Perplexity's extras, sent on every chunk (and on a full completion). */
export interface MockPerplexityExtras {
  /** Sent as `citations`. */
  readonly citations?: readonly string[];
  /** Sent as `search_results`. */
  readonly searchResults?: readonly MockSearchResult[];
}

/**
 * One scripted answer of the mock OpenAI server: what the model says (the
 * {@link MockChoiceReply} fields, or `choices`), how it is streamed, and which
 * faults ({@link MockFaults}) to inject. Every field is optional; `{}` is an
 * empty, successful completion.
 *
 * @example
 * ```ts
 * const server = await startMockOpenAIServer([
 *   { status: 429, retryAfter: 1 },
 *   { text: 'Hello there', chunkSize: 2, delayMs: 5 },
 * ]);
 * ```
 */
export interface MockReply extends MockChoiceReply, MockFaults {
  /**
   * One reply per choice, for requests with `n > 1`; replaces the top-level
   * choice fields. Without it, a request with `n > 1` gets the top-level
   * choice `n` times.
   */
  readonly choices?: readonly MockChoiceReply[];
  /**
   * Usage to report (estimated fields filled in), or `false` to send none. A
   * stream carries it only when the request set `stream_options.include_usage`,
   * as a final chunk with `choices: []`, exactly like OpenAI.
   */
  readonly usage?: MockUsage | false;
  /** Characters per content, reasoning or argument delta; 4 unless told. */
  readonly chunkSize?: number;
  /** Pause in milliseconds between two chunks; 0 unless told. */
  readonly delayMs?: number;
  /** Model name in the response; the request's `model` unless told. */
  readonly model?: string;
  /** Completion id shared by all chunks; `chatcmpl-mock<request index>` unless told. */
  readonly id?: string;
  /** `system_fingerprint` of every chunk; `'fp_mock'` unless told, `null` to leave it out. */
  readonly systemFingerprint?: string | null;
  /**
   * `'openai'` (default): each call gets its own `index` and its arguments
   * arrive in fragments. `'ollama'`: each call arrives whole in one chunk and
   * every call says `index: 0`, told apart only by their distinct ids.
   */
  readonly toolCallStyle?: 'openai' | 'ollama';
  /**
   * Send `content: null` where OpenAI does: in the role chunk and alongside
   * tool-call deltas (otherwise the role chunk says `content: ''`).
   */
  readonly contentNull?: boolean;
  /**
   * Answer like Perplexity: `citations` and `search_results` on every chunk,
   * and a cumulative `usage` on every chunk instead of a final usage chunk.
   */
  readonly perplexity?: MockPerplexityExtras;
}
