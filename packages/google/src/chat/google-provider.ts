import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/provider';
import { readServerSentEvents, type ErrorContext } from '@rivulet/provider-utils';
import { connectGoogle, type GoogleConnection } from '../shared/google-client.js';
import type { GoogleConnectionSettings } from '../shared/google-settings.js';
import { fromGoogleError } from '../shared/from-google-error.js';
import { ResponseTap } from '../shared/response-tap.js';
import { GeminiChunkMapper } from './gemini-chunk-mapper.js';
import { readGeminiChunk } from './read-gemini-chunk.js';
import { toGoogleRequest } from './to-google-request.js';

/** Settings of the Gemini chat provider: the model and how to reach it. */
export interface GoogleProviderSettings extends GoogleConnectionSettings {
  /** The model, e.g. `gemini-2.5-flash`. */
  readonly model: string;
}

/**
 * The Gemini wire mapping (`streamGenerateContent?alt=sse`). The request is
 * built and sent by the official `@google/genai` SDK (`generateContentStream`,
 * automatic continuation off, no SDK retries: `ChatModel` retries). The SDK
 * hides the response, so a per-call `fetch` hook (see `ResponseTap`) checks
 * status and content type first, and the body is read with Rivulet's SSE
 * decoder: keep-alive events are skipped, chunks of the wrong shape are
 * `malformed_event`, a page that is not an event stream is
 * `unexpected_content_type`.
 *
 * @example
 * ```ts
 * const model = new ChatModel(new GoogleProvider({ model: 'gemini-2.5-flash' }), { temperature: 0 });
 * ```
 */
export class GoogleProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  // Private, so the key never shows in serialized or logged models.
  readonly #settings: GoogleProviderSettings;
  #connection: GoogleConnection | undefined;

  constructor(settings: GoogleProviderSettings) {
    this.provider = settings.providerName ?? 'google';
    this.modelId = settings.model;
    this.#settings = settings;
  }

  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    this.#connection ??= connectGoogle(this.#settings, this.provider);
    const connection = this.#connection;
    const params = toGoogleRequest(this.modelId, request, this.provider);
    const tap = new ResponseTap(connection, { provider: this.provider, secret: connection.apiKey }, 'text/event-stream');
    try {
      await connection.client.models.generateContentStream({
        ...params,
        config: { ...params.config, abortSignal: request.signal, automaticContinuation: false, httpOptions: { fetch: tap.fetch } },
      });
    } catch (error) {
      throw fromGoogleError(error, tap.context, request.signal, tap.sent ? 'connect' : 'build');
    }
    // The SDK's own stream is never started: the body is read here.
    const context: ErrorContext = tap.context;
    const mapper = new GeminiChunkMapper();
    try {
      for await (const event of readServerSentEvents(tap.body())) yield* mapper.map(readGeminiChunk(event.data, context));
    } catch (error) {
      throw fromGoogleError(error, context, request.signal, 'stream');
    }
  }
}
