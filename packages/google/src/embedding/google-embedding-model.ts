import { EmbeddingModel, type EmbeddingModelOptions } from '@rivulet/models';
import { GoogleEmbeddingModelProvider, type GoogleEmbeddingSettings } from './google-embedding-provider.js';

/** Options of {@link GoogleEmbeddingModel}: connection settings plus every `EmbeddingModel` option. */
export interface GoogleEmbeddingModelOptions extends GoogleEmbeddingSettings, EmbeddingModelOptions {}

/**
 * A Gemini embedding model: `EmbeddingModel` over
 * {@link GoogleEmbeddingModelProvider} (batches of at most 100 texts).
 *
 * @example
 * ```ts
 * const embedder = new GoogleEmbeddingModel({ model: 'gemini-embedding-001', providerOptions: { outputDimensionality: 256 } });
 * ```
 */
export class GoogleEmbeddingModel extends EmbeddingModel {
  constructor(options: GoogleEmbeddingModelOptions) {
    const { model, apiKey, baseURL, apiVersion, headers, fetch, providerName, ...modelOptions } = options;
    super(new GoogleEmbeddingModelProvider({ model, apiKey, baseURL, apiVersion, headers, fetch, providerName }), modelOptions);
  }
}
