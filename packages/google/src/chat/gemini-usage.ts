import type { UsageV1 } from '@rivulet/provider';
import type { GeminiUsage } from './gemini-chunk.js';

/**
 * Gemini's usage in Rivulet's terms. Gemini counts thoughts apart from the
 * answer (`thoughtsTokenCount` is not in `candidatesTokenCount`), so output
 * is their sum, with the thoughts also reported as `reasoningTokens`; input
 * includes the tool-use prompt; cached tokens are part of the prompt count.
 * `totalTokenCount` is kept as Google reports it.
 */
export function geminiUsage(usage: GeminiUsage): UsageV1 {
  const inputTokens = (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0);
  const outputTokens = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
  return {
    inputTokens,
    outputTokens,
    totalTokens: usage.totalTokenCount ?? inputTokens + outputTokens,
    ...(usage.thoughtsTokenCount !== undefined && { reasoningTokens: usage.thoughtsTokenCount }),
    ...(usage.cachedContentTokenCount !== undefined && { cachedInputTokens: usage.cachedContentTokenCount }),
  };
}
