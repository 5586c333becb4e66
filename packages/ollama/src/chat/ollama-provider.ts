import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/provider';
import { expectContentType, fromHttpResponse, fromTransportError, requestIdOf, type ErrorContext } from '@rivulet/provider-utils';
import { resolveOllamaConnection, type OllamaConnection, type OllamaConnectionSettings } from '../client/ollama-connection.js';
import { sendThroughClient } from '../client/send-through-client.js';
import { NdjsonReader } from '../ndjson/ndjson-reader.js';
import { OllamaLineMapper } from './ollama-line-mapper.js';
import { readChatLine } from './read-chat-line.js';
import { toOllamaRequest, type OllamaChatDefaults } from './to-ollama-request.js';

/** Settings of the Ollama chat provider: the model, where the server is, and per-model request defaults. */
export interface OllamaProviderSettings extends OllamaConnectionSettings, OllamaChatDefaults {
  /** The model, e.g. `llama3.2` or `qwen3:8b`. */
  readonly model: string;
}

/** Content types of an NDJSON stream; Ollama sends the first. */
const ndjsonTypes = ['application/x-ndjson', 'application/ndjson'];

/**
 * Ollama's native `/api/chat` wire mapping. The request goes through the
 * official `ollama` client; the response is taken from it raw (see
 * `sendThroughClient`) and read here, so every failure keeps its kind: an
 * HTTP error its status and message, a 200 page that is not NDJSON is
 * `unexpected_content_type`, a line that is not a chat line
 * `malformed_event`, an `{"error"}` line a `ProviderError`, a dropped
 * connection a retryable `connection_reset`, and a stream that ends without
 * `done: true` has no finish (so `ChatModel` reports it truncated).
 *
 * @example
 * ```ts
 * const model = new ChatModel(new OllamaProvider({ model: 'llama3.2' }), { temperature: 0 });
 * ```
 */
export class OllamaProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  // Private, so the key never shows in serialized or logged models.
  readonly #settings: OllamaProviderSettings;
  #connection: OllamaConnection | undefined;

  constructor(settings: OllamaProviderSettings) {
    this.provider = settings.providerName ?? 'ollama';
    this.modelId = settings.model;
    this.#settings = settings;
  }

  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    const connection = (this.#connection ??= resolveOllamaConnection(this.#settings));
    let context: ErrorContext = { provider: this.provider, secret: connection.secret };
    const body = toOllamaRequest(this.modelId, request, this.#settings, this.provider);
    let response: Response;
    try {
      response = await sendThroughClient(connection, request.signal, (client) => client.chat(body));
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'connect');
    }
    const requestId = requestIdOf(response);
    if (requestId !== undefined) context = { ...context, requestId };
    if (!response.ok) throw await fromHttpResponse(response, context);
    const reader = new NdjsonReader(await expectContentType(response, context, ndjsonTypes));
    const mapper = new OllamaLineMapper();
    try {
      for (let lines = await reader.read(); lines !== undefined; lines = await reader.read()) {
        for (const text of lines) {
          const line = readChatLine(text, context);
          // Not `yield*`: delegating to an array in an async generator costs an extra await per part.
          for (const part of mapper.map(line)) yield part;
          // Nothing follows `done`; the rest of the body is not waited for.
          if (line.done) return;
        }
      }
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'stream');
    } finally {
      reader.cancel();
    }
  }
}
