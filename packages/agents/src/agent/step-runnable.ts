import { concat, defer, of, type Observable } from 'rxjs';
import { AIMessageChunk, Runnable, type Message, type RunContext, type StreamInput } from '@rivulet/core';
import { agentAggregation } from './agent-aggregation.js';
import type { AgentPart } from './agent-parts.js';
import type { AgentPlan } from './agent-plan.js';
import type { AgentResult } from './agent-result.js';
import { finishStep } from './finish-step.js';
import { replyParts, ReplyReader } from './reply-reader.js';

/** What one step gets: its position and the conversation so far. */
export interface StepInput {
  readonly step: number;
  readonly messages: readonly Message[];
}

/**
 * One step of an agent as a run of its own, so that in events the model call
 * and the tool calls of a step nest under it: the model streams its reply
 * (read into parts as it comes), then the step finishes (see `finishStep`).
 */
export function stepRunnable(plan: AgentPlan): Runnable<StepInput, AgentResult<unknown>, AgentPart<unknown>> {
  return Runnable.from<StepInput, AgentResult<unknown>, AgentPart<unknown>>({
    name: 'agent-step',
    aggregation: agentAggregation<unknown>(),
    // The agent always runs a step on a whole input.
    doStream: (input: StreamInput<StepInput>, ctx: RunContext) => runStep(plan, (input.whole as { value: StepInput }).value, ctx),
  });
}

function runStep(plan: AgentPlan, { step, messages }: StepInput, ctx: RunContext): Observable<AgentPart<unknown>> {
  const reader = new ReplyReader(step, plan.output);
  return concat(
    of<AgentPart<unknown>>({ type: 'step-start', step }),
    plan.model.stream(messages, ctx).pipe(replyParts(reader)),
    defer(() => finishStep(plan, step, reader.reply ?? new AIMessageChunk(), ctx)),
  );
}
