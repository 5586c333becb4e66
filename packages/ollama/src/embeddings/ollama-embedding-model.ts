import { EmbeddingModel, type EmbeddingModelOptions } from '@rivulet/models';
import { OllamaEmbeddingProvider, type OllamaEmbeddingProviderSettings } from './ollama-embedding-provider.js';

/** Options of {@link OllamaEmbeddingModel}: provider settings plus every `EmbeddingModel` option. */
export interface OllamaEmbeddingModelOptions extends OllamaEmbeddingProviderSettings, EmbeddingModelOptions {}

/**
 * An embedding model on Ollama's `/api/embed`, through the official
 * `ollama` client.
 *
 * @example
 * ```ts
 * const embedder = new OllamaEmbeddingModel({ model: 'nomic-embed-text', keepAlive: '10m' });
 * ```
 */
export class OllamaEmbeddingModel extends EmbeddingModel {
  constructor(options: OllamaEmbeddingModelOptions) {
    const { model, host, headers, apiKey, fetch, providerName, truncate, dimensions, keepAlive, maxEmbeddingsPerCall, ...modelOptions } = options;
    super(new OllamaEmbeddingProvider({ model, host, headers, apiKey, fetch, providerName, truncate, dimensions, keepAlive, maxEmbeddingsPerCall }), modelOptions);
  }
}
