import { defineAggregation, isMessage, messageFromJSON, type Aggregation, type AIMessage, type FoldState, type MessageJSON, type ToolMessage, type Usage } from '@rivulet/core';
import type { AgentPart, AgentStepFinishPart } from './agent-parts.js';
import type { AgentResult, AgentRunResult } from './agent-result.js';
import type { AgentStep } from './agent-step.js';
import { sumUsage } from './sum-usage.js';

/** A result with or without a structured answer, as the one fold of every agent makes it. */
type FoldedResult = AgentRunResult & { readonly output?: unknown };

/**
 * Folds an agent's parts into its result. Only `step-finish` and `output`
 * parts count: each step carries its messages whole, so the result never
 * depends on the deltas a slow consumer may have seen merged. Parts that
 * crossed the wire as JSON have their messages revived.
 */
class AgentResultFold implements FoldState<AgentPart<unknown>, FoldedResult> {
  private readonly steps: AgentStep[] = [];
  private usage: Usage | undefined;
  private output: { readonly value: unknown } | undefined;

  add(part: AgentPart<unknown>): void {
    if (part.type === 'step-finish') {
      const step = stepOf(part);
      this.steps.push(step);
      this.usage = sumUsage(this.usage, step.usage);
    } else if (part.type === 'output') {
      this.output = { value: part.output };
    }
  }

  result(): FoldedResult {
    const last = this.steps.at(-1);
    return {
      text: last?.text ?? '',
      messages: this.steps.flatMap((step) => step.messages),
      steps: this.steps.slice(),
      usage: this.usage,
      finishReason: last?.finishReason ?? 'other',
      ...(this.output !== undefined && { output: this.output.value }),
    };
  }
}

/** The step of a `step-finish` part, without its `type`, its messages revived if they came as JSON. */
function stepOf(part: AgentStepFinishPart): AgentStep {
  const { type: _type, messages, ...rest } = part;
  const revived = messages.every(isMessage) ? messages : messages.map((m) => (isMessage(m) ? m : messageFromJSON(m as MessageJSON)) as AIMessage | ToolMessage);
  return { ...rest, messages: revived };
}

const agentFold = defineAggregation<AgentPart<unknown>, FoldedResult>({
  name: 'rivulet.agent',
  start: () => new AgentResultFold(),
});

/**
 * How an agent's parts fold into its result, as data. A client folding an
 * agent served over HTTP imports it, which also registers the fold there.
 *
 * @example
 * ```ts
 * const remote = new RemoteRunnable<typeof agent>({ url, aggregate: agentAggregation() });
 * ```
 */
export function agentAggregation<OUT = never>(): Aggregation<AgentPart<OUT>, AgentResult<OUT>> {
  // One fold for every agent: it holds an answer exactly when the agent has `output`.
  return agentFold as Aggregation<AgentPart<OUT>, AgentResult<OUT>>;
}
