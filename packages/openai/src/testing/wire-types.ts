import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';

/**
 * A streamed delta as the mock writes it: the SDK's type plus
 * `reasoning_content`, the field DeepSeek, vLLM and others use for reasoning.
 */
export type MockDelta = ChatCompletionChunk.Choice.Delta & { reasoning_content?: string };

/** One streamed choice step before it is wrapped in a chunk. */
export interface ChoiceStep {
  readonly delta: MockDelta;
  readonly finish_reason: ChatCompletionChunk.Choice['finish_reason'];
}

/** Perplexity's extra top-level fields. */
export interface PerplexityFields {
  citations?: readonly string[];
  search_results?: readonly object[];
}

/** A chunk as the mock writes it, the SDK's type plus the extras above. */
export type MockChunk = Omit<ChatCompletionChunk, 'choices'> &
  PerplexityFields & {
    choices: (Omit<ChatCompletionChunk.Choice, 'delta'> & { delta: MockDelta })[];
  };

/** A full completion as the mock writes it. */
export type MockCompletion = ChatCompletion & PerplexityFields;
