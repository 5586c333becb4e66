import type { EmbeddingRequestV1 } from '@rivulet/provider';
import { EmbeddingModel } from '../../embedding-model/embedding-model.js';
import type { EmbeddingModelOptions } from '../../embedding-model/embedding-model-options.js';
import { FakeEmbeddingProvider, type FakeEmbeddingProviderOptions } from './fake-embedding-provider.js';

/** Options of a {@link FakeEmbeddingModel}: the fake provider's and every `EmbeddingModel` option. */
export interface FakeEmbeddingModelOptions extends FakeEmbeddingProviderOptions, EmbeddingModelOptions {}

/**
 * An embedding model with deterministic vectors ({@link hashEmbedding}) run
 * through the real `EmbeddingModel` machinery (batching, retries,
 * cancellation), for testing retrieval chains offline. Retries are off
 * unless `maxRetries` says otherwise.
 *
 * @example
 * ```ts
 * const embedder = new FakeEmbeddingModel({ dimensions: 16, maxEmbeddingsPerCall: 100 });
 * const { embeddings } = await embedder.embedMany(['a river', 'a mountain']);
 * embedder.requests.length; // 1
 * ```
 */
export class FakeEmbeddingModel extends EmbeddingModel {
  constructor(options: FakeEmbeddingModelOptions = {}) {
    const { dimensions, maxEmbeddingsPerCall, supportsParallelCalls, delayMs, errors, omitUsage, ...modelOptions } = options;
    super(new FakeEmbeddingProvider({ dimensions, maxEmbeddingsPerCall, supportsParallelCalls, delayMs, errors, omitUsage }), {
      maxRetries: 0,
      ...modelOptions,
    });
  }

  /** Every request the provider received, in the order calls started. */
  get requests(): readonly EmbeddingRequestV1[] {
    return (this.provider as FakeEmbeddingProvider).requests;
  }
}
