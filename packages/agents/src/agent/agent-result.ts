import type { AIMessage, FinishReason, ToolMessage, Usage } from '@rivulet/core';
import type { AgentStep } from './agent-step.js';

/** What every agent run resolves to. */
export interface AgentRunResult {
  /** The text of the last step: the answer. */
  readonly text: string;
  /** The messages of the run (the model's replies and the tool results), ready to append to a history. */
  readonly messages: readonly (AIMessage | ToolMessage)[];
  readonly steps: readonly AgentStep[];
  /** The usage of every step added up; `undefined` when no step reported any. */
  readonly usage: Usage | undefined;
  /** Why the last step's model call stopped (`tool_calls` when `maxSteps` or `stopWhen` ended the run). */
  readonly finishReason: FinishReason;
}

/**
 * What `invoke` on an agent resolves to: the fold of its `stream`. With
 * `output`, the validated structured answer is in `output`.
 *
 * @example
 * ```ts
 * const { text, messages, usage } = await agent.invoke('Weather in Oslo?');
 * history.push(...messages);
 * ```
 */
export type AgentResult<OUT = never> = [OUT] extends [never] ? AgentRunResult : AgentRunResult & { readonly output: OUT };
