import type { EmbeddingModelProviderV1, EmbeddingRequestV1, EmbeddingResultV1 } from '@rivulet/provider';
import { fromHttpResponse, fromTransportError, requestIdOf, type ErrorContext } from '@rivulet/provider-utils';
import type { EmbedRequest } from 'ollama/browser';
import { resolveOllamaConnection, type OllamaConnection, type OllamaConnectionSettings } from '../client/ollama-connection.js';
import { sendThroughClient } from '../client/send-through-client.js';
import { readEmbedResponse } from './read-embed-response.js';

/** Settings of the Ollama embedding provider. */
export interface OllamaEmbeddingProviderSettings extends OllamaConnectionSettings {
  /** The embedding model, e.g. `nomic-embed-text` or `embeddinggemma`. */
  readonly model: string;
  /** Cut texts longer than the model's context (Ollama's default, `true`), or fail on them (`false`). */
  readonly truncate?: boolean | undefined;
  /** Vector length, for models that can shorten their vectors. */
  readonly dimensions?: number | undefined;
  /** How long the model stays loaded after the call. */
  readonly keepAlive?: string | number | undefined;
  /** Most texts per request; Ollama sets no limit, so none unless told. */
  readonly maxEmbeddingsPerCall?: number | undefined;
}

/**
 * Ollama's `/api/embed` (a batch of texts per request) through the official
 * `ollama` client, its response read as for chat: HTTP errors keep status and
 * message, a body that is not JSON is `unexpected_content_type`, a wrong shape
 * `malformed_event`, a dropped connection retryable. `providerOptions` are
 * merged into the body last (`options` such as `num_ctx` included).
 *
 * @example
 * ```ts
 * const provider = new OllamaEmbeddingProvider({ model: 'nomic-embed-text' });
 * const { embeddings } = await provider.doEmbed({ values: ['river', 'stream'], signal: AbortSignal.timeout(10_000) });
 * ```
 */
export class OllamaEmbeddingProvider implements EmbeddingModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly maxEmbeddingsPerCall: number | undefined;
  readonly #settings: OllamaEmbeddingProviderSettings;
  #connection: OllamaConnection | undefined;

  constructor(settings: OllamaEmbeddingProviderSettings) {
    this.provider = settings.providerName ?? 'ollama';
    this.modelId = settings.model;
    this.maxEmbeddingsPerCall = settings.maxEmbeddingsPerCall;
    this.#settings = settings;
  }

  /** Embeds one batch with one `/api/embed` request; aborting `request.signal` closes it. */
  async doEmbed(request: EmbeddingRequestV1): Promise<EmbeddingResultV1> {
    const connection = (this.#connection ??= resolveOllamaConnection(this.#settings));
    let context: ErrorContext = { provider: this.provider, secret: connection.secret };
    const body = this.#body(request);
    let response: Response;
    try {
      response = await sendThroughClient(connection, request.signal, (client) => client.embed(body));
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'connect');
    }
    const requestId = requestIdOf(response);
    if (requestId !== undefined) context = { ...context, requestId };
    if (!response.ok) throw await fromHttpResponse(response, context);
    try {
      return await readEmbedResponse(response, context, request.values.length);
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'stream');
    }
  }

  #body(request: EmbeddingRequestV1): EmbedRequest {
    const { truncate, dimensions, keepAlive } = this.#settings;
    return {
      model: this.modelId,
      input: [...request.values],
      ...(truncate !== undefined && { truncate }),
      ...(dimensions !== undefined && { dimensions }),
      ...(keepAlive !== undefined && { keep_alive: keepAlive }),
      ...request.providerOptions,
    };
  }
}
