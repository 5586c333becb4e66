import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/provider';
import {
  expectContentType,
  fromHttpResponse,
  fromTransportError,
  readEnv,
  readServerSentEvents,
  requestIdOf,
  resolveApiKey,
  type ErrorContext,
} from '@rivulet/provider-utils';
import { anthropicErrorRules } from './errors/anthropic-error-rules.js';
import { toAnthropicRequest } from './request/to-anthropic-request.js';
import { AnthropicEventMapper } from './stream/anthropic-event-mapper.js';
import { parseStreamEvent } from './stream/parse-stream-event.js';

/** The API version sent by default: the one the official SDK this package is tested against (1.11) sends. */
export const defaultAnthropicVersion = '2026-10-21';

/** Connection settings of the Anthropic provider. */
export interface AnthropicProviderSettings {
  /** The model, e.g. `claude-sonnet-4-5`. */
  readonly model: string;
  /**
   * Default: `ANTHROPIC_API_KEY`. `null`: the endpoint needs none (a gateway
   * that adds it). No key at all is an `InputError` at the first call. Sent as
   * `Authorization: Bearer <key>` unless `apiKeyHeader` says otherwise.
   */
  readonly apiKey?: string | null | undefined;
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
  /** A `fetch` to send requests with (a proxy, a tracer, a test double of your own). Default: the global one, looked up per call. */
  readonly fetch?: typeof fetch | undefined;
  /** Name in errors and events. Default `anthropic`. */
  readonly providerName?: string | undefined;
}

/** What a call needs, settled at the first one. */
interface Connection {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly apiKey: string | undefined;
}

/**
 * The Messages API wire mapping, built only on `@rivulet/provider` and
 * `@rivulet/provider-utils` (no SDK at run time): one streaming
 * `POST /v1/messages` per call with `fetch`, its named server-sent events
 * checked and mapped to stream parts as they arrive. A keep-alive without data
 * is skipped, an event of the wrong shape is `malformed_event`, a page that is
 * not an event stream `unexpected_content_type`, and the API key is masked in
 * every field of every error. Retries, timeouts and truncation are `ChatModel`'s.
 */
export class AnthropicProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  // Private, so the key never shows in a serialized or logged model.
  readonly #settings: AnthropicProviderSettings;
  #connection: Connection | undefined;

  constructor(settings: AnthropicProviderSettings) {
    this.provider = settings.providerName ?? 'anthropic';
    this.modelId = settings.model;
    this.#settings = settings;
  }

  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    const { url, headers, apiKey } = this.#connect();
    const body = JSON.stringify(toAnthropicRequest(this.modelId, request, this.provider));
    let context: ErrorContext = { provider: this.provider, secret: apiKey };
    // Looked up per call, so a `fetch` patched after construction (by a tracer, a test) is used.
    const send: typeof fetch = this.#settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
    let response: Response;
    try {
      response = await send(url, { method: 'POST', headers, body, signal: request.signal });
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'connect');
    }
    context = { ...context, requestId: requestIdOf(response, anthropicErrorRules.requestIdHeaders) };
    if (!response.ok) throw await fromHttpResponse(response, context, anthropicErrorRules);
    const events = await expectContentType(response, context, ['text/event-stream'], anthropicErrorRules);
    const format = request.responseFormat?.type === 'json_schema' ? request.responseFormat.name : undefined;
    const mapper = new AnthropicEventMapper(context, format);
    try {
      for await (const event of readServerSentEvents(events)) yield* mapper.map(parseStreamEvent(event, context));
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'stream');
    }
  }

  /** The URL and headers, made at the first call, so a missing key is an `InputError` of the run, not of `new`. */
  #connect(): Connection {
    if (this.#connection !== undefined) return this.#connection;
    const settings = this.#settings;
    const apiKey = resolveApiKey({ apiKey: settings.apiKey, environmentVariable: 'ANTHROPIC_API_KEY', provider: this.provider });
    const origin = (settings.baseURL ?? readEnv('ANTHROPIC_BASE_URL') ?? 'https://api.anthropic.com').replace(/\/+$/, '');
    const headers = {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'anthropic-version': settings.anthropicVersion ?? defaultAnthropicVersion,
      ...(apiKey !== undefined && authHeader(settings.apiKeyHeader ?? 'authorization', apiKey)),
      ...settings.defaultHeaders,
    };
    this.#connection = { url: `${origin}/v1/messages`, headers, apiKey };
    return this.#connection;
  }
}

function authHeader(name: 'authorization' | 'x-api-key', key: string): Record<string, string> {
  return name === 'authorization' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key };
}
