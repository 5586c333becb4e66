import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/provider';
import { expectContentType, readServerSentEvents, type ErrorContext } from '@rivulet/provider-utils';
import { createOpenAIClient, type OpenAIConnection } from '../shared/create-openai-client.js';
import { OpenAIChunkMapper } from './openai-chunk-mapper.js';
import { fromOpenAIError, openAIErrorRules } from './openai-errors.js';
import { readChatChunk } from './read-chat-chunk.js';
import { toOpenAIRequest } from './to-openai-request.js';

/** Connection settings of the OpenAI-compatible provider. */
export interface OpenAIProviderSettings {
  readonly model: string;
  /** Default: `OPENAI_API_KEY`. `null`: the endpoint needs no key (a local server). No key at all is an `InputError`. */
  readonly apiKey?: string | null | undefined;
  /** Default: `OPENAI_BASE_URL`, else OpenAI's. Any OpenAI-compatible endpoint works. */
  readonly baseURL?: string | undefined;
  readonly organization?: string | undefined;
  readonly defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** A `fetch` to send requests with (a proxy, a test double of your own). */
  readonly fetch?: typeof fetch | undefined;
  /** Name in errors and events. Default `openai`. */
  readonly providerName?: string | undefined;
}

/**
 * The Chat Completions wire mapping. The request goes through the official
 * `openai` SDK (its own retries off: `ChatModel` retries, with the streaming
 * rule); the streamed body is read with Rivulet's SSE decoder, so keep-alive
 * events are skipped, chunks of the wrong shape are `malformed_event`, and a
 * page that is not an event stream is `unexpected_content_type`.
 */
export class OpenAIProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  // Private, so the key never shows in serialized or logged models.
  readonly #settings: OpenAIProviderSettings;
  #connection: OpenAIConnection | undefined;

  constructor(settings: OpenAIProviderSettings) {
    this.provider = settings.providerName ?? 'openai';
    this.modelId = settings.model;
    this.#settings = settings;
  }

  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    // Made at the first call, so a missing key is an `InputError` of the run, not of `new`.
    const { client, apiKey } = (this.#connection ??= createOpenAIClient(this.#settings, this.provider));
    let context: ErrorContext = { provider: this.provider, secret: apiKey };
    let response: Response;
    try {
      response = await client.chat.completions.create(toOpenAIRequest(this.modelId, request), { signal: request.signal }).asResponse();
    } catch (error) {
      throw fromOpenAIError(error, context, request.signal, 'connect');
    }
    context = { ...context, requestId: response.headers.get('x-request-id') ?? undefined };
    const body = await expectContentType(response, context, ['text/event-stream'], openAIErrorRules);
    const mapper = new OpenAIChunkMapper();
    try {
      for await (const event of readServerSentEvents(body)) {
        if (event.data === '[DONE]') break;
        yield* mapper.map(readChatChunk(event.data, context));
      }
      yield* mapper.end();
    } catch (error) {
      throw fromOpenAIError(error, context, request.signal, 'stream');
    }
  }
}
