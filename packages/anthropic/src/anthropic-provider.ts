import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/models';
import { readEnv } from '@rivulet/models';
import type { ErrorContext } from './errors/error-context.js';
import { fromHttpResponse } from './errors/from-http-response.js';
import { fromTransportError } from './errors/from-transport-error.js';
import type { AnthropicRequestBody } from './request/anthropic-request-body.js';
import { toAnthropicRequest } from './request/to-anthropic-request.js';
import { AnthropicEventMapper } from './stream/anthropic-event-mapper.js';
import { parseStreamEvent } from './stream/parse-stream-event.js';
import { readServerSentEvents } from './stream/read-server-sent-events.js';

/** The API version sent by default: the one the official SDK this package is tested against (1.11) sends. */
export const defaultAnthropicVersion = '2026-10-21';

/** Connection settings of the Anthropic provider. */
export interface AnthropicProviderSettings {
  /** The model, e.g. `claude-sonnet-4-5`. */
  readonly model: string;
  /** Default: `ANTHROPIC_API_KEY`. Sent as `Authorization: Bearer <key>` unless `apiKeyHeader` says otherwise. */
  readonly apiKey?: string | undefined;
  /**
   * The header that carries the key: `authorization` (default, as the official
   * SDK sends it) or `x-api-key`, which some gateways and older deployments expect.
   */
  readonly apiKeyHeader?: 'authorization' | 'x-api-key' | undefined;
  /** The API's origin, without `/v1` (as for the official SDK). Default: `ANTHROPIC_BASE_URL`, else `https://api.anthropic.com`. */
  readonly baseURL?: string | undefined;
  /** The `anthropic-version` header. Default {@link defaultAnthropicVersion}. */
  readonly anthropicVersion?: string | undefined;
  /** Extra headers on every request, e.g. `anthropic-beta`. */
  readonly defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** A `fetch` to send requests with (a proxy, a test double of your own). Default: the global one. */
  readonly fetch?: typeof fetch | undefined;
  /** Name in errors and events. Default `anthropic`. */
  readonly providerName?: string | undefined;
}

/**
 * The Messages API wire mapping, on `fetch` and `eventsource-parser`: one
 * streaming `POST /v1/messages` per call, its named events mapped to stream
 * parts as they arrive. Retries, timeouts and truncation are `ChatModel`'s.
 */
export class AnthropicProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  // Private fields, so the key never shows in a serialized or logged model.
  readonly #apiKey: string | undefined;
  readonly #url: string;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #fetch: typeof fetch;

  constructor(settings: AnthropicProviderSettings) {
    this.provider = settings.providerName ?? 'anthropic';
    this.modelId = settings.model;
    this.#apiKey = settings.apiKey ?? readEnv('ANTHROPIC_API_KEY');
    const origin = (settings.baseURL ?? readEnv('ANTHROPIC_BASE_URL') ?? 'https://api.anthropic.com').replace(/\/+$/, '');
    this.#url = `${origin}/v1/messages`;
    this.#headers = {
      'content-type': 'application/json',
      'anthropic-version': settings.anthropicVersion ?? defaultAnthropicVersion,
      ...(this.#apiKey !== undefined && authHeader(settings.apiKeyHeader ?? 'authorization', this.#apiKey)),
      ...settings.defaultHeaders,
    };
    // Looked up per call, so a `fetch` patched after construction (by a test, a tracer) is used.
    this.#fetch = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    const body = toAnthropicRequest(this.modelId, request, this.provider);
    const response = await this.#post(body, request.signal);
    const context: ErrorContext = { provider: this.provider, secret: this.#apiKey, requestId: response.headers.get('request-id') ?? undefined };
    if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
      // Some gateways answer a streaming request with a JSON error and status 200.
      throw await fromHttpResponse(response, context);
    }
    const format = request.responseFormat?.type === 'json_schema' ? request.responseFormat.name : undefined;
    const mapper = new AnthropicEventMapper(context, format);
    try {
      for await (const message of readServerSentEvents(response.body)) yield* mapper.map(parseStreamEvent(message, context));
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'stream');
    }
  }

  async #post(body: AnthropicRequestBody, signal: AbortSignal): Promise<Response> {
    const context: ErrorContext = { provider: this.provider, secret: this.#apiKey };
    let response: Response;
    try {
      response = await this.#fetch(this.#url, { method: 'POST', headers: this.#headers, body: JSON.stringify(body), signal });
    } catch (error) {
      throw fromTransportError(error, context, signal, 'connect');
    }
    if (!response.ok) throw await fromHttpResponse(response, { ...context, requestId: response.headers.get('request-id') ?? undefined });
    return response;
  }
}

function authHeader(name: 'authorization' | 'x-api-key', key: string): Record<string, string> {
  return name === 'authorization' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key };
}
