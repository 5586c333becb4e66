import type { AgentStep } from './agent-step.js';

/**
 * Decides after a step that called tools whether the run stops there (the
 * tool results are kept; the model is not called again). It sees the step
 * that just ended and every step so far, itself included.
 */
export type StopCondition = (step: AgentStep, steps: readonly AgentStep[]) => boolean;

/**
 * Stops once `count` steps ran.
 *
 * @example
 * ```ts
 * createAgent({ model, tools, stopWhen: stepCountIs(3) });
 * ```
 */
export function stepCountIs(count: number): StopCondition {
  return (_step, steps) => steps.length >= count;
}

/**
 * Stops after a step that called the tool `toolName`.
 *
 * @example
 * ```ts
 * createAgent({ model, tools: [search, submit], stopWhen: hasToolCall('submit') });
 * ```
 */
export function hasToolCall(toolName: string): StopCondition {
  return (step) => step.toolCalls.some((call) => call.name === toolName);
}
