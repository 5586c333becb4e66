import { EmbeddingModel, type EmbeddingModelOptions } from '@rivulet/models';
import { OpenAIEmbeddingProvider, type OpenAIEmbeddingProviderSettings } from './openai-embedding-provider.js';

/** Options of {@link OpenAIEmbeddingModel}: connection settings, request fields, and every `EmbeddingModel` option. */
export interface OpenAIEmbeddingModelOptions extends OpenAIEmbeddingProviderSettings, EmbeddingModelOptions {}

/**
 * An embedding model on OpenAI's `POST /embeddings` (or any compatible
 * endpoint: Ollama, vLLM, llama.cpp server), through the official `openai`
 * SDK. `embedMany` sends at most 2048 texts per call (OpenAI's limit),
 * several calls at once (`maxParallelCalls`), and retries each call up to
 * `maxRetries` (default 2) times, honouring Retry-After. No API key (neither
 * `apiKey` nor `OPENAI_API_KEY`) is an `InputError` at the first call, unless
 * `apiKey: null` says the endpoint needs none.
 *
 * @example
 * ```ts
 * const embedder = new OpenAIEmbeddingModel({ model: 'text-embedding-3-small', dimensions: 512 });
 * const query = await embedder.embed('How long is the Glomma?');
 * const { embeddings, usage } = await embedder.embedMany(passages);
 * ```
 */
export class OpenAIEmbeddingModel extends EmbeddingModel {
  constructor(options: OpenAIEmbeddingModelOptions) {
    const { model, apiKey, baseURL, organization, defaultHeaders, fetch, providerName, dimensions, user, maxEmbeddingsPerCall, ...modelOptions } = options;
    super(
      new OpenAIEmbeddingProvider({ model, apiKey, baseURL, organization, defaultHeaders, fetch, providerName, dimensions, user, maxEmbeddingsPerCall }),
      modelOptions,
    );
  }
}
