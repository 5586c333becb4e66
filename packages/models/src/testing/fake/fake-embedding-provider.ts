import { delay } from '@rivulet/core';
import type { EmbeddingModelProviderV1, EmbeddingRequestV1, EmbeddingResultV1 } from '@rivulet/provider';
import { hashEmbedding } from './hash-embedding.js';

/** Options of a {@link FakeEmbeddingProvider}. */
export interface FakeEmbeddingProviderOptions {
  /** Length of every vector. Default 8. */
  readonly dimensions?: number | undefined;
  /** The provider's batch limit. Default: none. */
  readonly maxEmbeddingsPerCall?: number | undefined;
  /** Default true. */
  readonly supportsParallelCalls?: boolean | undefined;
  /** Each call answers after this many ms (a `setTimeout`, so fake timers drive it); aborting ends the wait. Default 0. */
  readonly delayMs?: number | undefined;
  /** Call `i` (counted from 0, in the order calls start) fails with `errors[i]` when it is set. */
  readonly errors?: readonly (Error | undefined)[] | undefined;
  /** Report no usage. Default false: one input token per word, at least one per text. */
  readonly omitUsage?: boolean | undefined;
}

/**
 * An embedding provider without a network: deterministic vectors
 * ({@link hashEmbedding}), scripted failures and delays, and a record of
 * every request and of the most calls that were ever in flight at once.
 *
 * @example
 * ```ts
 * const provider = new FakeEmbeddingProvider({ maxEmbeddingsPerCall: 2 });
 * await new EmbeddingModel(provider).embedMany(['a', 'b', 'c']);
 * provider.requests.map((r) => r.values); // [['a', 'b'], ['c']]
 * ```
 */
export class FakeEmbeddingProvider implements EmbeddingModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'fake';
  readonly modelId = 'fake-embedding';
  readonly maxEmbeddingsPerCall: number | undefined;
  readonly supportsParallelCalls: boolean;
  readonly dimensions: number;
  /** Every request received, in the order calls started; a cancelled call's `signal` is aborted. */
  readonly requests: EmbeddingRequestV1[] = [];
  #inFlight = 0;
  #maxInFlight = 0;
  readonly #options: FakeEmbeddingProviderOptions;

  constructor(options: FakeEmbeddingProviderOptions = {}) {
    this.#options = options;
    this.dimensions = options.dimensions ?? 8;
    this.maxEmbeddingsPerCall = options.maxEmbeddingsPerCall;
    this.supportsParallelCalls = options.supportsParallelCalls ?? true;
  }

  /** The most calls that were in flight at the same time. */
  get maxConcurrentCalls(): number {
    return this.#maxInFlight;
  }

  /** Records the request, waits `delayMs`, then fails as scripted or answers hashed vectors. */
  async doEmbed(request: EmbeddingRequestV1): Promise<EmbeddingResultV1> {
    const call = this.requests.push(request) - 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, ++this.#inFlight);
    try {
      if (!(await delay(this.#options.delayMs ?? 0, { signal: request.signal }))) throw request.signal.reason as Error;
      const error = this.#options.errors?.[call];
      if (error !== undefined) throw error;
      const embeddings = request.values.map((text) => hashEmbedding(text, this.dimensions));
      if (this.#options.omitUsage === true) return { embeddings, metadata: { call } };
      const inputTokens = request.values.reduce((sum, text) => sum + Math.max(1, text.split(/\s+/u).filter(Boolean).length), 0);
      return { embeddings, usage: { inputTokens }, metadata: { call } };
    } finally {
      this.#inFlight--;
    }
  }
}
