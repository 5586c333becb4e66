/**
 * The run-metadata key under which a model describes its own runs:
 * Rivulet's chat and embedding models put a {@link ModelRunMetadata} there on
 * every run of theirs, and tracing (`@rivulet/otel`) knows a model call by it,
 * whatever the run is named.
 */
export const modelRunMetadataKey = 'rivulet.model';

/**
 * What `metadata['rivulet.model']` holds on a model run: the provider id
 * (`openai`, `anthropic`, `google`, `ollama`), the model requested, the
 * operation (`chat` unless told; `embeddings` for an embedding model) and
 * the request's sampling parameters that are set. A model of your own that
 * is not a `ChatModel` can describe itself the same way.
 *
 * @example
 * ```ts
 * const described = myModel.withConfig({ metadata: { [modelRunMetadataKey]: { provider: 'acme', model: 'acme-large', params: { temperature: 0 } } } });
 * ```
 */
export interface ModelRunMetadata {
  readonly provider: string;
  readonly model: string;
  readonly operation?: string | undefined;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}
