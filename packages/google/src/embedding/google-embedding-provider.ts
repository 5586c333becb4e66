import type { EmbedContentConfig } from '@google/genai';
import type { EmbeddingModelProviderV1, EmbeddingRequestV1, EmbeddingResultV1 } from '@rivulet/provider';
import { connectGoogle, type GoogleConnection } from '../shared/google-client.js';
import type { GoogleConnectionSettings } from '../shared/google-settings.js';
import { fromGoogleError } from '../shared/from-google-error.js';
import { ResponseTap } from '../shared/response-tap.js';
import { readEmbeddings } from './read-embeddings.js';

/** Google's limit on the texts of one `batchEmbedContents` call. */
export const GOOGLE_MAX_EMBEDDINGS_PER_CALL = 100;

/** Settings of the Gemini embedding provider. */
export interface GoogleEmbeddingSettings extends GoogleConnectionSettings {
  /** The model, e.g. `gemini-embedding-001`. */
  readonly model: string;
}

/**
 * Gemini embeddings through `@google/genai`'s `embedContent` (which sends
 * `batchEmbedContents`): one vector per text, at most 100 texts a call.
 * Provider options are `EmbedContentConfig` fields: `taskType`,
 * `outputDimensionality`, `title`, `autoTruncate`. Errors as for the chat
 * provider: HTTP errors and content types are checked by the response tap,
 * a reply of the wrong shape is `malformed_event`, a body torn after the
 * headers `connection_reset`.
 *
 * @example
 * ```ts
 * const provider = new GoogleEmbeddingModelProvider({ model: 'gemini-embedding-001' });
 * const { embeddings } = await provider.doEmbed({ values: ['a river', 'a stream'], signal: AbortSignal.timeout(10_000) });
 * ```
 */
export class GoogleEmbeddingModelProvider implements EmbeddingModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly maxEmbeddingsPerCall = GOOGLE_MAX_EMBEDDINGS_PER_CALL;
  readonly supportsParallelCalls = true;
  readonly #settings: GoogleEmbeddingSettings;
  #connection: GoogleConnection | undefined;

  constructor(settings: GoogleEmbeddingSettings) {
    this.provider = settings.providerName ?? 'google';
    this.modelId = settings.model;
    this.#settings = settings;
  }

  /** Embeds one batch (at most {@link GOOGLE_MAX_EMBEDDINGS_PER_CALL} texts) in one request; the signal aborts it. */
  async doEmbed(request: EmbeddingRequestV1): Promise<EmbeddingResultV1> {
    this.#connection ??= connectGoogle(this.#settings, this.provider);
    const connection = this.#connection;
    const tap = new ResponseTap(connection, { provider: this.provider, secret: connection.apiKey }, 'application/json');
    const extras = (request.providerOptions ?? {}) as EmbedContentConfig;
    let response;
    try {
      response = await connection.client.models.embedContent({
        model: this.modelId,
        contents: [...request.values],
        config: { ...extras, abortSignal: request.signal, httpOptions: { fetch: tap.fetch } },
      });
    } catch (error) {
      // The SDK reads the body itself, so a connection that breaks after the headers fails here too.
      throw fromGoogleError(error, tap.context, request.signal, tap.answered ? 'stream' : tap.sent ? 'connect' : 'build');
    }
    return readEmbeddings(response, request.values.length, tap.context);
  }
}
