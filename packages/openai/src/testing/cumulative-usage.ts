import type { CompletionUsage } from 'openai/resources/completions';

/**
 * Perplexity sends a growing `usage` on every chunk. This scales the final
 * completion count by the share of characters emitted so far, so the last
 * chunk carries exactly the final usage.
 */
export function cumulativeUsage(final: CompletionUsage, emitted: number, total: number): CompletionUsage {
  const completion = total === 0 ? final.completion_tokens : Math.round((final.completion_tokens * emitted) / total);
  return {
    prompt_tokens: final.prompt_tokens,
    completion_tokens: completion,
    total_tokens: final.prompt_tokens + completion,
  };
}
