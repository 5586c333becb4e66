/** Tokens an embedding run read, summed over its provider calls. */
export interface EmbeddingUsage {
  readonly inputTokens: number;
}

/**
 * What `embedMany` resolves to: one vector per text, in the order of the
 * texts, and the usage of all provider calls together.
 */
export interface EmbedManyResult {
  /** `embeddings[i]` is the vector of `texts[i]`. */
  readonly embeddings: number[][];
  /**
   * Tokens read by every call; `undefined` when some call did not report
   * them (a partial sum would undercount). `{ inputTokens: 0 }` for no texts.
   */
  readonly usage: EmbeddingUsage | undefined;
  /**
   * Provider extras (model, response id), one entry per provider call in
   * input order (`{}` when a call had none): `ceil(texts / maxEmbeddingsPerCall)` entries.
   */
  readonly metadata: readonly Readonly<Record<string, unknown>>[];
}
