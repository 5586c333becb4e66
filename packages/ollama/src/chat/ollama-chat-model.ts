import { ChatModel, type ChatModelOptions } from '@rivulet/models';
import type { OllamaMetadata } from './ollama-metadata.js';
import { OllamaProvider, type OllamaProviderSettings } from './ollama-provider.js';

/** Options of {@link OllamaChatModel}: connection settings, `keepAlive` and `think`, plus every `ChatModel` option. */
export interface OllamaChatModelOptions extends OllamaProviderSettings, ChatModelOptions {}

/**
 * A chat model on Ollama's native API (`/api/chat`, NDJSON streaming)
 * through the official `ollama` client: tools, images, thinking as
 * reasoning, structured output through `format`. No API key is needed
 * unless a hosted server or proxy asks for one. `maxRetries` defaults to 2;
 * `idleTimeout` bounds silences (a model still loading counts as silence).
 * Replies' `responseMetadata` is an {@link OllamaMetadata} (model, timings).
 *
 * @example
 * ```ts
 * const model = new OllamaChatModel({ model: 'qwen3:8b', think: true, keepAlive: '10m' });
 * for await (const chunk of model.stream('Why do rivers meander?')) process.stdout.write(chunk.content);
 * ```
 */
export class OllamaChatModel extends ChatModel<OllamaMetadata> {
  constructor(options: OllamaChatModelOptions) {
    const { model, host, headers, apiKey, fetch, providerName, keepAlive, think, ...modelOptions } = options;
    super(new OllamaProvider({ model, host, headers, apiKey, fetch, providerName, keepAlive, think }), modelOptions);
  }
}
