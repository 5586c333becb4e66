import type { MockAnthropicFaults } from './mock-anthropic-faults.js';

/** Why the mock model stops, as Anthropic says it. */
export type MockStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal' | 'pause_turn' | (string & {});

/** One tool call (`tool_use` block) the mock model makes. */
export interface MockToolUse {
  /** Block id; `toolu_mock_<request index>_<n>` unless told, so no two responses of a server share one. */
  readonly id?: string;
  readonly name: string;
  /** The input as the JSON text the model writes, streamed as `input_json_delta` pieces. */
  readonly input: string;
}

/** Token counts to report; input is estimated (about 4 characters a token) unless told. */
export interface MockAnthropicUsage {
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly cacheReadInputTokens?: number;
  readonly cacheCreationInputTokens?: number;
}

/**
 * One scripted answer of the mock Anthropic server: what the model says
 * (thinking, then text, then tool calls, one content block each), how it is
 * streamed, and which faults ({@link MockAnthropicFaults}) to inject. Every
 * field is optional; `{}` is an empty, successful message.
 *
 * @example
 * ```ts
 * const server = await startMockAnthropicServer([
 *   { status: 529 },
 *   { thinking: 'Short answer.', text: 'Hello there', chunkSize: 2, usage: { inputTokens: 10, outputTokens: 3 } },
 * ]);
 * ```
 */
export interface MockAnthropicReply extends MockAnthropicFaults {
  /** Text, streamed as `text_delta` pieces of `chunkSize` characters. */
  readonly text?: string;
  /** Thinking, in a `thinking` block before the text, with a mock signature. */
  readonly thinking?: string;
  /** Tool calls, one `tool_use` block each, after the text. */
  readonly toolCalls?: readonly MockToolUse[];
  /** `tool_use` when there are tool calls, else `end_turn`, unless told. */
  readonly stopReason?: MockStopReason;
  /** The stop sequence that ended the message, for `stopReason: 'stop_sequence'`. */
  readonly stopSequence?: string;
  /** Usage: input in `message_start`, the cumulative output count in `message_delta`. */
  readonly usage?: MockAnthropicUsage;
  /** Characters per delta; 4 unless told. */
  readonly chunkSize?: number;
  /** Pause in milliseconds between two events; 0 unless told. */
  readonly delayMs?: number;
  /** Model name in the message; the request's `model` unless told. */
  readonly model?: string;
  /** Message id; `msg_mock<request index>` unless told. */
  readonly id?: string;
  /**
   * Send a `ping` event after this many events (positions as for faults;
   * pings themselves are not counted). `[2]` unless told: after the first
   * `content_block_start`, where the API sends one.
   */
  readonly pingAfterChunks?: readonly number[];
}
