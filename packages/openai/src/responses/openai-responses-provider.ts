import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/provider';
import { expectContentType, readServerSentEvents, type ErrorContext } from '@rivulet/provider-utils';
import type { OpenAIProviderSettings } from '../chat/openai-provider.js';
import { fromOpenAIError, openAIErrorRules } from '../chat/openai-errors.js';
import { createOpenAIClient, type OpenAIConnection } from '../shared/create-openai-client.js';
import { readResponsesEvent } from './read-responses-event.js';
import { ResponsesEventMapper } from './responses-event-mapper.js';
import { toResponsesRequest } from './to-responses-request.js';

/** Connection settings of the Responses API provider: the same as Chat Completions'. */
export type OpenAIResponsesProviderSettings = OpenAIProviderSettings;

/**
 * The Responses API wire mapping (`POST /responses` with `stream: true`). The
 * request goes through the official `openai` SDK (its own retries off:
 * `ChatModel` retries, with the streaming rule); the streamed body is read
 * with Rivulet's SSE decoder and every mapped event is checked, so an event
 * of the wrong shape is `malformed_event`, an `error` event or a
 * `response.failed` a `ProviderError` with the server's code, and a page that
 * is not an event stream `unexpected_content_type`. A stream that ends
 * without `response.completed` or `response.incomplete` gives no finish, which
 * `ChatModel` reports as a `TruncatedStreamError`.
 */
export class OpenAIResponsesProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  // Private, so the key never shows in serialized or logged models.
  readonly #settings: OpenAIResponsesProviderSettings;
  #connection: OpenAIConnection | undefined;

  constructor(settings: OpenAIResponsesProviderSettings) {
    this.provider = settings.providerName ?? 'openai';
    this.modelId = settings.model;
    this.#settings = settings;
  }

  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    // Made at the first call, so a missing key is an `InputError` of the run, not of `new`.
    this.#connection ??= createOpenAIClient(this.#settings, this.provider);
    const { client, apiKey } = this.#connection;
    const body = toResponsesRequest(this.modelId, request, this.provider);
    let context: ErrorContext = { provider: this.provider, secret: apiKey };
    let response: Response;
    try {
      response = await client.responses.create(body, { signal: request.signal }).asResponse();
    } catch (error) {
      throw fromOpenAIError(error, context, request.signal, 'connect');
    }
    context = { ...context, requestId: response.headers.get('x-request-id') ?? undefined };
    const stream = await expectContentType(response, context, ['text/event-stream'], openAIErrorRules);
    const mapper = new ResponsesEventMapper(context);
    try {
      for await (const event of readServerSentEvents(stream)) {
        // Nothing after the terminal event changes the reply (nor a `[DONE]` some compatible servers add): read on, to the end of the body.
        if (mapper.finished) continue;
        if (event.data === '[DONE]') break;
        const parsed = readResponsesEvent(event.data, context);
        if (parsed !== undefined) yield* mapper.map(parsed);
      }
      yield* mapper.end();
    } catch (error) {
      throw fromOpenAIError(error, context, request.signal, 'stream');
    }
  }
}
