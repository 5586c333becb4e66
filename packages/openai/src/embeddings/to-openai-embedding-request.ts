import type { EmbeddingCreateParams } from 'openai/resources/embeddings';

/** The request fields an embedding model sets on every call. */
export interface OpenAIEmbeddingParams {
  /** Length of the vectors (text-embedding-3 and later models only). */
  readonly dimensions?: number | undefined;
  /** An id for your end user, for OpenAI's abuse monitoring. */
  readonly user?: string | undefined;
}

/**
 * The body of `POST /embeddings` for a batch: the model's parameters, then
 * `providerOptions` (OpenAI's own field names, passed through), then the
 * fields Rivulet relies on, which nothing may override: floats, not base64,
 * since compatible servers (Ollama, vLLM) do not all speak base64.
 */
export function toOpenAIEmbeddingRequest(
  model: string,
  values: readonly string[],
  params: OpenAIEmbeddingParams,
  providerOptions: Readonly<Record<string, unknown>> | undefined,
): EmbeddingCreateParams {
  return {
    ...(params.dimensions !== undefined && { dimensions: params.dimensions }),
    ...(params.user !== undefined && { user: params.user }),
    ...providerOptions,
    model,
    input: [...values],
    encoding_format: 'float',
  };
}
