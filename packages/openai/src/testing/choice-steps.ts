import type { CompletionPlan } from './plan-completion.js';
import type { ResolvedChoice } from './resolve-choices.js';
import type { ChoiceStep } from './wire-types.js';
import { splitText } from '@rivulet/provider-utils/testing';
import { toolCallDeltas } from './tool-call-deltas.js';

/**
 * The streamed steps of one choice, in OpenAI's order: the role delta,
 * reasoning, content, tool calls, then an empty delta with the finish reason.
 */
export function choiceSteps(choice: ResolvedChoice, plan: CompletionPlan): ChoiceStep[] {
  const pending = (delta: ChoiceStep['delta']): ChoiceStep => ({ delta, finish_reason: null });
  const role = pending({ role: 'assistant', content: plan.contentNull ? null : '', refusal: null });
  const reasoning = splitText(choice.reasoning, plan.chunkSize).map((piece) => pending({ reasoning_content: piece }));
  const content = splitText(choice.text, plan.chunkSize).map((piece) => pending({ content: piece }));
  const tools = toolCallDeltas(choice.toolCalls, {
    chunkSize: plan.chunkSize,
    style: plan.toolCallStyle,
    contentNull: plan.contentNull,
  });
  const finish: ChoiceStep[] = plan.omitFinishReason ? [] : [{ delta: {}, finish_reason: choice.finishReason }];
  return [role, ...reasoning, ...content, ...tools, ...finish];
}
