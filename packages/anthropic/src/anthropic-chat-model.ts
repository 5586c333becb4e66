import { ChatModel, type ChatModelOptions } from '@rivulet/models';
import type { AnthropicMetadata } from './anthropic-metadata.js';
import { AnthropicProvider, type AnthropicProviderSettings } from './anthropic-provider.js';

/** Options of {@link AnthropicChatModel}: connection settings plus every `ChatModel` option. */
export interface AnthropicChatModelOptions extends AnthropicProviderSettings, ChatModelOptions {}

/**
 * A chat model on Anthropic's Messages API. `maxRetries` defaults to 2 (529
 * overloaded and 429 are retried, honouring `retry-after`); `idleTimeout`
 * (120 s unless told) bounds silences, before the headers too; `maxTokens`
 * defaults to 4096 because the API requires it. No API key (neither `apiKey`
 * nor `ANTHROPIC_API_KEY`) is an `InputError` at the first call, unless
 * `apiKey: null`. `withStructuredOutput(schema)` works with every method:
 * `jsonSchema` is carried by a forced tool, since the classic API has no JSON
 * Schema format. Anthropic-only fields (`thinking`, `top_k`, `metadata`) go in
 * `providerOptions`. Replies' `responseMetadata` is an {@link AnthropicMetadata}.
 *
 * @example
 * ```ts
 * const model = new AnthropicChatModel({ model: 'claude-sonnet-4-5', idleTimeout: 30_000 });
 * for await (const chunk of model.stream([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Why are rivers long?' }])) {
 *   process.stdout.write(chunk.content);
 * }
 * ```
 */
export class AnthropicChatModel extends ChatModel<AnthropicMetadata> {
  constructor(options: AnthropicChatModelOptions) {
    const { model, apiKey, apiKeyHeader, baseURL, anthropicVersion, defaultHeaders, fetch, providerName, ...modelOptions } = options;
    super(new AnthropicProvider({ model, apiKey, apiKeyHeader, baseURL, anthropicVersion, defaultHeaders, fetch, providerName }), modelOptions);
  }
}
