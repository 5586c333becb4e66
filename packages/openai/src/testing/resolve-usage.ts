import type { CompletionUsage } from 'openai/resources/completions';
import type { MockUsage } from './mock-reply.js';
import type { ResolvedChoice } from './resolve-choices.js';
import type { LooseMessage } from './request-messages.js';
import { estimateTokens } from './estimate-tokens.js';
import { messageText } from './message-text.js';

/**
 * The usage object of a reply in OpenAI's wire shape: scripted counts where
 * given, estimates elsewhere; `undefined` when the reply said `usage: false`.
 */
export function resolveUsage(
  usage: MockUsage | false | undefined,
  messages: readonly LooseMessage[],
  choices: readonly ResolvedChoice[],
): CompletionUsage | undefined {
  if (usage === false) return undefined;
  const promptText = messages.map((message) => messageText(message.content)).join('\n');
  const completionText = choices
    .map((c) => c.reasoning + c.text + c.toolCalls.map((call) => call.name + call.arguments).join(''))
    .join('');
  const prompt = usage?.promptTokens ?? estimateTokens(promptText);
  const completion = usage?.completionTokens ?? estimateTokens(completionText);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(usage?.cachedPromptTokens === undefined
      ? {}
      : { prompt_tokens_details: { cached_tokens: usage.cachedPromptTokens } }),
    ...(usage?.reasoningTokens === undefined
      ? {}
      : { completion_tokens_details: { reasoning_tokens: usage.reasoningTokens } }),
  };
}
