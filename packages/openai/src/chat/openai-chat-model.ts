import { ChatModel } from '@rivulet/models';
import type { ChatModelOptions } from '@rivulet/models';
import type { OpenAIChatMetadata } from './openai-chat-metadata.js';
import { OpenAIProvider, type OpenAIProviderSettings } from './openai-provider.js';

/** Options of {@link OpenAIChatModel}: connection settings plus every `ChatModel` option. */
export interface OpenAIChatModelOptions extends OpenAIProviderSettings, ChatModelOptions {}

/**
 * A chat model on any OpenAI-compatible Chat Completions endpoint (OpenAI,
 * Perplexity, Ollama, vLLM, llama.cpp server, Groq), through the official
 * `openai` SDK. `maxRetries` defaults to 2; `idleTimeout` bounds silences.
 * Replies' `responseMetadata` is an {@link OpenAIChatMetadata}: typed
 * Perplexity `citations` and `searchResults` when the server sends them.
 *
 * @example
 * ```ts
 * const model = new OpenAIChatModel({ model: 'sonar-pro', baseURL: 'https://api.perplexity.ai' });
 * for await (const chunk of model.stream([{ role: 'user', content: 'What is new in rivers research?' }])) {
 *   process.stdout.write(chunk.content);
 * }
 * ```
 */
export class OpenAIChatModel extends ChatModel<OpenAIChatMetadata> {
  constructor(options: OpenAIChatModelOptions) {
    const { model, apiKey, baseURL, organization, defaultHeaders, fetch, providerName, ...modelOptions } = options;
    super(new OpenAIProvider({ model, apiKey, baseURL, organization, defaultHeaders, fetch, providerName }), modelOptions);
  }
}
