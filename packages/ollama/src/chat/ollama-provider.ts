import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1, SubscribableV1 } from '@rivulet/provider';
import { expectContentType, fromHttpResponse, fromTransportError, requestIdOf, type ErrorContext } from '@rivulet/provider-utils';
import { resolveOllamaConnection, type OllamaConnection, type OllamaConnectionSettings } from '../client/ollama-connection.js';
import { sendThroughClient } from '../client/send-through-client.js';
import { NdjsonReader } from '../ndjson/ndjson-reader.js';
import { pushStream, type PushSink } from '../stream/push-stream.js';
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
 * `done: true` has no finish (so `ChatModel` reports it truncated). Parts
 * are pushed to the subscriber as each line is read (see `pushStream`), with
 * no async generator between the socket and the run.
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

  /** Streams the reply as parts; subscribing sends the request (see the class comment). */
  doStream(request: ChatRequestV1): SubscribableV1<ChatStreamPartV1> {
    return pushStream((sink) => this.#stream(request, sink));
  }

  async #stream(request: ChatRequestV1, sink: PushSink<ChatStreamPartV1>): Promise<void> {
    const connection = (this.#connection ??= resolveOllamaConnection(this.#settings));
    let context: ErrorContext = { provider: this.provider, secret: connection.secret };
    const body = toOllamaRequest(this.modelId, request, this.#settings, this.provider);
    // The run's signal, or the subscriber leaving by itself: either closes the connection.
    const signal = AbortSignal.any([request.signal, sink.signal]);
    let response: Response;
    try {
      response = await sendThroughClient(connection, signal, (client) => client.chat(body));
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
        for (let index = 0; index < lines.length; index++) {
          // One microtask between the lines of a read: a consumer that keeps pace (a `for await`
          // loop) takes each chunk as it comes, where a burst would be coalesced for it at a cost.
          if (index > 0) await null;
          if (sink.closed) return;
          const line = readChatLine(lines[index] as string, context);
          mapper.map(line, sink);
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
