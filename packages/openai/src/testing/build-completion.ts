import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { CompletionPlan } from './plan-completion.js';
import type { ResolvedChoice } from './resolve-choices.js';
import type { MockCompletion } from './wire-types.js';
import { perplexityFields } from './perplexity-fields.js';

/** The `chat.completion` object answering a non-streaming request. */
export function buildCompletion(plan: CompletionPlan): MockCompletion {
  return {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    choices: plan.choices.map((choice) => ({
      index: choice.index,
      message: message(choice, plan.contentNull),
      logprobs: null,
      finish_reason: choice.finishReason,
    })),
    ...(plan.usage === undefined ? {} : { usage: plan.usage }),
    ...(plan.systemFingerprint === null ? {} : { system_fingerprint: plan.systemFingerprint }),
    ...perplexityFields(plan.perplexity),
  };
}

type WireMessage = ChatCompletion.Choice['message'] & { reasoning_content?: string };

function message(choice: ResolvedChoice, contentNull: boolean): WireMessage {
  // OpenAI answers `content: null` when the model only called tools.
  const noText = choice.text === '' && (contentNull || choice.toolCalls.length > 0);
  return {
    role: 'assistant',
    content: noText ? null : choice.text,
    refusal: null,
    ...(choice.reasoning === '' ? {} : { reasoning_content: choice.reasoning }),
    ...(choice.toolCalls.length === 0
      ? {}
      : {
          tool_calls: choice.toolCalls.map((call) => ({
            id: call.id,
            type: 'function' as const,
            function: { name: call.name, arguments: call.arguments },
          })),
        }),
    annotations: [],
  };
}
