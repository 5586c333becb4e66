import type { AgentStep, AgentToolResult } from './agent-step.js';
import type { FinishReason, Usage } from '@rivulet/core';
import type { PartialOutput } from './partial-output.js';

/** Step `step` (from 0) begins: the model is called. */
export interface AgentStepStartPart {
  readonly type: 'step-start';
  readonly step: number;
}

/** A piece of the text the model writes. */
export interface AgentTextDeltaPart {
  readonly type: 'text-delta';
  readonly step: number;
  readonly text: string;
}

/** A piece of the model's reasoning, for models that stream it apart from the text. */
export interface AgentReasoningDeltaPart {
  readonly type: 'reasoning-delta';
  readonly step: number;
  readonly text: string;
}

/**
 * A fragment of a tool call's arguments while the model writes them. Every
 * fragment names its call (`toolCallId`, `toolName`; `''` when the provider
 * sent none), and `partialArgs` holds the arguments parsed so far: an
 * immutable snapshot, the same object as long as nothing changed.
 */
export interface AgentToolCallDeltaPart {
  readonly type: 'tool-call-delta';
  readonly step: number;
  readonly toolCallId: string;
  readonly toolName: string;
  /** The new argument text (`''` on the fragment that opens the call). */
  readonly argsTextDelta: string;
  readonly partialArgs: Readonly<Record<string, unknown>> | undefined;
}

/** A complete tool call, its arguments parsed, about to run. */
export interface AgentToolCallPart {
  readonly type: 'tool-call';
  readonly step: number;
  readonly toolCallId: string;
  readonly toolName: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** A tool call's outcome, as soon as it is known (calls of a step run in parallel, so results arrive in any order). */
export interface AgentToolResultPart extends AgentToolResult {
  readonly type: 'tool-result';
  readonly step: number;
}

/** A step ended: its reply, tool results, finish reason and usage, and the messages it added. */
export interface AgentStepFinishPart extends AgentStep {
  readonly type: 'step-finish';
}

/** The structured answer so far, while the model writes it (see `output`): a snapshot, each replacing the last. */
export interface AgentPartialOutputPart<OUT> {
  readonly type: 'partial-output';
  readonly step: number;
  readonly partial: PartialOutput<OUT>;
}

/** The structured answer, complete and validated by the schema. */
export interface AgentOutputPart<OUT> {
  readonly type: 'output';
  readonly step: number;
  readonly output: OUT;
}

/** The run ended: the last step's finish reason, the usage of all steps, and how many steps ran. */
export interface AgentFinishPart {
  readonly type: 'finish';
  readonly finishReason: FinishReason;
  readonly usage: Usage | undefined;
  readonly steps: number;
}

/**
 * What an agent's `stream` emits, as it happens, discriminated by `type`.
 * `OUT` is the type of the structured answer (`never` without `output`: then
 * no `partial-output` or `output` part exists).
 *
 * @example
 * ```ts
 * for await (const part of agent.stream('Weather in Oslo?')) {
 *   if (part.type === 'text-delta') process.stdout.write(part.text);
 *   else if (part.type === 'tool-result') console.log(part.toolName, part.isError ? 'failed' : 'done');
 * }
 * ```
 */
export type AgentPart<OUT = never> =
  | AgentStepStartPart
  | AgentTextDeltaPart
  | AgentReasoningDeltaPart
  | AgentToolCallDeltaPart
  | AgentToolCallPart
  | AgentToolResultPart
  | AgentStepFinishPart
  | AgentFinishPart
  | ([OUT] extends [never] ? never : AgentPartialOutputPart<OUT> | AgentOutputPart<OUT>);
