/** One call to an embedding provider: a batch of texts no longer than its `maxEmbeddingsPerCall`. */
export interface EmbeddingRequestV1 {
  readonly values: readonly string[];
  /** Provider-specific request fields (dimensions, task type), passed through as the provider defines. */
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
  /** Aborted when the run is cancelled: the provider must abort its HTTP request. */
  readonly signal: AbortSignal;
}

/** The vectors of one call, in the order of the request's values. */
export interface EmbeddingResultV1 {
  readonly embeddings: readonly (readonly number[])[];
  /** Tokens read, when the provider reports them. */
  readonly usage?: { readonly inputTokens: number } | undefined;
  /** Provider extras (model, response id). */
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The contract an embedding provider implements, version 1: one batch of
 * texts in, one vector per text out. `EmbeddingModel` (`@rivulet/models`)
 * splits larger inputs into batches, retries, and cancels. Errors as for
 * {@link ChatModelProviderV1}.
 *
 * @example
 * ```ts
 * const lengths: EmbeddingModelProviderV1 = {
 *   specificationVersion: 'v1',
 *   provider: 'toy',
 *   modelId: 'length-1',
 *   maxEmbeddingsPerCall: 100,
 *   async doEmbed({ values }) {
 *     return { embeddings: values.map((text) => [text.length]) };
 *   },
 * };
 * ```
 */
export interface EmbeddingModelProviderV1 {
  readonly specificationVersion: 'v1';
  readonly provider: string;
  readonly modelId: string;
  /** The most texts one call may carry; `undefined` for no limit. */
  readonly maxEmbeddingsPerCall?: number | undefined;
  /** Whether several calls may run at once (for `embedMany` over many batches). Default true. */
  readonly supportsParallelCalls?: boolean | undefined;
  /**
   * Embeds one batch (never more than `maxEmbeddingsPerCall` values): one
   * vector per value, in order. Must abort its HTTP request when
   * `request.signal` aborts, and fail with the typed errors of
   * `@rivulet/core`, as `ChatModelProviderV1.doStream` does.
   */
  doEmbed(request: EmbeddingRequestV1): Promise<EmbeddingResultV1>;
}
