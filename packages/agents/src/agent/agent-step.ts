import type { AIMessage, FinishReason, ToolCall, ToolMessage, Usage } from '@rivulet/core';

/** How one tool call ended. */
export interface AgentToolResult {
  readonly toolCallId: string;
  readonly toolName: string;
  /**
   * What the tool returned; for a failed, invalid, unknown or declined call,
   * the message the model was given instead.
   */
  readonly output: unknown;
  /** True when the call did not run to a result (it threw, its arguments were invalid, the tool is unknown, or it was declined). */
  readonly isError: boolean;
}

/** One step of an agent's run: a model reply and the tool calls it asked for. */
export interface AgentStep {
  /** The step's position, from 0. */
  readonly step: number;
  /** The text the model wrote. */
  readonly text: string;
  /** The model's reasoning, when the provider streams it. */
  readonly reasoning: string | undefined;
  /** The tool calls the model made, in call order. */
  readonly toolCalls: readonly ToolCall[];
  /** Their results, in call order. */
  readonly toolResults: readonly AgentToolResult[];
  readonly finishReason: FinishReason;
  /** The model's usage in this step, when the provider reported it. */
  readonly usage: Usage | undefined;
  /** The messages the step adds to the conversation: the model's reply, then one `ToolMessage` per call, in call order. */
  readonly messages: readonly (AIMessage | ToolMessage)[];
}
