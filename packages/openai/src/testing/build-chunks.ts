import type { CompletionPlan } from './plan-completion.js';
import type { ChoiceStep, MockChunk, MockDelta } from './wire-types.js';
import { choiceSteps } from './choice-steps.js';
import { cumulativeUsage } from './cumulative-usage.js';
import { interleave } from './interleave.js';
import { perplexityFields } from './perplexity-fields.js';

/**
 * Every `chat.completion.chunk` of a streamed reply, in wire order: the
 * choices' steps interleaved, then (OpenAI, when `include_usage` was asked)
 * one usage chunk with `choices: []`. With Perplexity extras every chunk
 * carries the extras and a cumulative usage instead.
 */
export function buildChunks(plan: CompletionPlan): MockChunk[] {
  const steps = interleave(plan.choices.map((choice) => choiceSteps(choice, plan).map((step) => ({ choice, step }))));
  const total = steps.reduce((sum, { step }) => sum + deltaLength(step.delta), 0);
  let emitted = 0;
  const chunks = steps.map(({ choice, step }) => {
    emitted += deltaLength(step.delta);
    return envelope(plan, [toWireChoice(choice.index, step)], usageAt(plan, emitted, total));
  });
  if (plan.includeUsage && plan.usage !== undefined && plan.perplexity === undefined && !plan.omitFinishReason) {
    chunks.push(envelope(plan, [], plan.usage));
  }
  return chunks;
}

function envelope(plan: CompletionPlan, choices: MockChunk['choices'], usage: MockChunk['usage']): MockChunk {
  return {
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    ...(plan.systemFingerprint === null ? {} : { system_fingerprint: plan.systemFingerprint }),
    choices,
    // OpenAI puts `usage: null` on every chunk once usage was asked for.
    ...(usage === undefined ? {} : { usage }),
    ...perplexityFields(plan.perplexity),
  };
}

function usageAt(plan: CompletionPlan, emitted: number, total: number): MockChunk['usage'] {
  if (plan.perplexity !== undefined && plan.usage !== undefined) return cumulativeUsage(plan.usage, emitted, total);
  return plan.includeUsage && plan.usage !== undefined ? null : undefined;
}

function toWireChoice(index: number, step: ChoiceStep): MockChunk['choices'][number] {
  return { index, delta: step.delta, logprobs: null, finish_reason: step.finish_reason };
}

function deltaLength(delta: MockDelta): number {
  const args = (delta.tool_calls ?? []).map((call) => call.function?.arguments ?? '').join('');
  return (delta.content ?? '').length + (delta.reasoning_content ?? '').length + args.length;
}
