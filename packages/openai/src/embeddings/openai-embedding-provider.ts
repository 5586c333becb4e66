import type { EmbeddingModelProviderV1, EmbeddingRequestV1, EmbeddingResultV1 } from '@rivulet/provider';
import { expectContentType, type ErrorContext } from '@rivulet/provider-utils';
import type { OpenAIProviderSettings } from '../chat/openai-provider.js';
import { fromOpenAIError, openAIErrorRules } from '../chat/openai-errors.js';
import { createOpenAIClient, type OpenAIConnection } from '../shared/create-openai-client.js';
import { readEmbeddingResponse } from './read-embedding-response.js';
import { toOpenAIEmbeddingRequest, type OpenAIEmbeddingParams } from './to-openai-embedding-request.js';

/** OpenAI's limit of inputs per `POST /embeddings`. */
export const OPENAI_MAX_EMBEDDINGS_PER_CALL = 2048;

/** Connection settings and request fields of the OpenAI embedding provider. */
export interface OpenAIEmbeddingProviderSettings extends OpenAIProviderSettings, OpenAIEmbeddingParams {
  /** Inputs per call. Default {@link OPENAI_MAX_EMBEDDINGS_PER_CALL}; lower it for a compatible server with a smaller limit. */
  readonly maxEmbeddingsPerCall?: number | undefined;
}

/**
 * The `POST /embeddings` wire mapping, through the official `openai` SDK
 * (its own retries off: `EmbeddingModel` retries each batch). The body is
 * read and checked by Rivulet: vectors placed by their `index`, a wrong
 * count or shape is `malformed_event`, a page that is not JSON is
 * `unexpected_content_type`, and every error is masked of the API key.
 *
 * @example
 * ```ts
 * const provider = new OpenAIEmbeddingProvider({ model: 'text-embedding-3-small', dimensions: 256 });
 * const model = new EmbeddingModel(provider);
 * ```
 */
export class OpenAIEmbeddingProvider implements EmbeddingModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly maxEmbeddingsPerCall: number;
  readonly supportsParallelCalls = true;
  // Private, so the key never shows in serialized or logged models.
  readonly #settings: OpenAIEmbeddingProviderSettings;
  #connection: OpenAIConnection | undefined;

  constructor(settings: OpenAIEmbeddingProviderSettings) {
    this.provider = settings.providerName ?? 'openai';
    this.modelId = settings.model;
    this.maxEmbeddingsPerCall = settings.maxEmbeddingsPerCall ?? OPENAI_MAX_EMBEDDINGS_PER_CALL;
    this.#settings = settings;
  }

  /** One `POST /embeddings` for the request's batch; aborting its signal closes the connection. */
  async doEmbed(request: EmbeddingRequestV1): Promise<EmbeddingResultV1> {
    // Made at the first call, so a missing key is an `InputError` of the run, not of `new`.
    const { client, apiKey } = (this.#connection ??= createOpenAIClient(this.#settings, this.provider));
    const { signal, values } = request;
    let context: ErrorContext = { provider: this.provider, secret: apiKey };
    let response: Response;
    try {
      const body = toOpenAIEmbeddingRequest(this.modelId, values, this.#settings, request.providerOptions);
      response = await client.embeddings.create(body, { signal }).asResponse();
    } catch (error) {
      throw fromOpenAIError(error, context, signal, 'connect');
    }
    context = { ...context, requestId: response.headers.get('x-request-id') ?? undefined };
    let text: string;
    try {
      await expectContentType(response, context, ['application/json'], openAIErrorRules);
      text = await response.text();
    } catch (error) {
      throw fromOpenAIError(error, context, signal, 'stream');
    }
    return readEmbeddingResponse(text, values.length, context);
  }
}
