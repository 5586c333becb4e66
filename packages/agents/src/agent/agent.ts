import { type Observable } from 'rxjs';
import { Runnable, onWholeInput, type Aggregation, type MessageLike, type RunContext, type StreamInput } from '@rivulet/core';
import { toMessages } from '@rivulet/models';
import { agentAggregation } from './agent-aggregation.js';
import { agentLoop } from './agent-loop.js';
import type { AgentOptions } from './agent-options.js';
import type { AgentPart } from './agent-parts.js';
import { agentPlan, type AgentPlan } from './agent-plan.js';
import type { AgentResult } from './agent-result.js';
import { stepRunnable, type StepInput } from './step-runnable.js';

/** What an agent is asked: a question, or a conversation (message instances, `{ role, content }` objects, tuples). */
export type AgentInput = string | readonly MessageLike[];

/**
 * A multi-step tool loop as a `Runnable`: made by `createAgent`. `stream`
 * emits {@link AgentPart}s as they happen; `invoke` resolves to their fold,
 * an {@link AgentResult}. `OUT` is the type of the structured answer (`never`
 * without `output`).
 */
export class Agent<OUT = never> extends Runnable<AgentInput, AgentResult<OUT>, AgentPart<OUT>> {
  readonly name: string;
  readonly aggregation: Aggregation<AgentPart<OUT>, AgentResult<OUT>> = agentAggregation<OUT>();
  readonly #plan: AgentPlan;
  readonly #step: Runnable<StepInput, AgentResult<unknown>, AgentPart<unknown>>;

  /** Checks and prepares `options`; prefer `createAgent`, which types `OUT` from `output`. */
  constructor(options: AgentOptions) {
    super();
    this.name = options.name ?? 'agent';
    this.#plan = agentPlan(options);
    this.#step = stepRunnable(this.#plan);
  }

  doStream(input: StreamInput<AgentInput>, ctx: RunContext): Observable<AgentPart<OUT>> {
    return onWholeInput(input, this.name, (value) => {
      const conversation = toMessages(value);
      if (this.#plan.instructions !== undefined) conversation.unshift(this.#plan.instructions);
      // The loop's parts are those of this agent's `OUT`: the answer was validated by its schema.
      return agentLoop(this.#plan, this.#step, conversation, ctx) as Observable<AgentPart<OUT>>;
    });
  }
}
