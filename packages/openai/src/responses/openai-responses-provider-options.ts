import type OpenAI from 'openai';

/**
 * The Responses API fields a caller may set through `providerOptions`, typed
 * for convenience (`providerOptions` itself takes any record): they go into
 * the request body as given, after Rivulet's own fields. `text` is merged
 * with the response format Rivulet sets.
 *
 * @example
 * ```ts
 * const model = new OpenAIResponsesModel({
 *   model: 'gpt-5',
 *   providerOptions: { reasoning: { effort: 'high', summary: 'detailed' }, service_tier: 'flex' } satisfies OpenAIResponsesProviderOptions,
 * });
 * ```
 */
export type OpenAIResponsesProviderOptions = Partial<Omit<OpenAI.Responses.ResponseCreateParamsStreaming, 'model' | 'input' | 'stream' | 'tools' | 'tool_choice'>>;
