import type { FinishReason, Usage } from '@rivulet/core';

/** A tool call a fake model makes. */
export interface FakeToolCall {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** Default `call_<n>`. */
  readonly id?: string | undefined;
}

/** One scripted reply of a {@link FakeChatModel}: a string is its text. */
export type FakeReply =
  | string
  | {
      readonly text?: string | undefined;
      readonly reasoning?: string | undefined;
      readonly toolCalls?: readonly FakeToolCall[] | undefined;
      /** Default `stop`, or `tool_calls` when there are tool calls. */
      readonly finishReason?: FinishReason | undefined;
      /** Default: counted from the text, one token per 4 characters. */
      readonly usage?: Usage | false | undefined;
      /** Fail with this error, after `errorAfterChunks` chunks (default 0: before any). */
      readonly error?: Error | undefined;
      readonly errorAfterChunks?: number | undefined;
      /** End without a finish reason, as a dropped stream does. */
      readonly truncate?: boolean | undefined;
    };
