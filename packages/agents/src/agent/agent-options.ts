import type { ChatModel, Tool } from '@rivulet/models';
import type { z } from 'zod';
import type { ApproveToolCall } from './approval.js';
import type { StopCondition } from './stop-conditions.js';

/** Options of `createAgent`. */
export interface AgentOptions {
  /** The model that decides; the tools are bound to it. */
  readonly model: ChatModel;
  /** The tools it may call; each needs `execute`, and names must be unique. */
  readonly tools: readonly Tool[];
  /** Instructions, sent first as a system message. */
  readonly instructions?: string | undefined;
  /** The most model calls in one run. Default 10. */
  readonly maxSteps?: number | undefined;
  /** Ends the run after a step that called tools when it (or any of them) says so. */
  readonly stopWhen?: StopCondition | readonly StopCondition[] | undefined;
  /** Asked before each tool call; declining gives the model a refusal instead of running the tool. */
  readonly approve?: ApproveToolCall | undefined;
  /**
   * A zod schema for a structured answer. The model then gives its answer as
   * the arguments of a tool named `final_answer` (and must call a tool every
   * step); the answer streams as `partial-output` parts and ends the run once
   * it is valid. An invalid answer goes back to the model as an error result.
   */
  readonly output?: z.ZodType | undefined;
  /** The name events carry. Default `agent`. */
  readonly name?: string | undefined;
}
