import { ProviderError } from '@rivulet/core';
import OpenAI from 'openai';
import type { ChatModelProviderV1 } from '../provider/v1/chat-model-provider.js';
import type { ChatRequestV1 } from '../provider/v1/chat-request.js';
import type { ChatStreamPartV1 } from '../provider/v1/chat-stream-part.js';
import { fromOpenAIError, redact } from './from-openai-error.js';
import { OpenAIChunkMapper, type CompatibleChunk } from './openai-chunk-mapper.js';
import { toOpenAIRequest } from './to-openai-request.js';
import { readEnv } from '../chat-model/read-env.js';

/** Connection settings of the OpenAI-compatible provider. */
export interface OpenAIProviderSettings {
  readonly model: string;
  /** Default: `OPENAI_API_KEY`. */
  readonly apiKey?: string | undefined;
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
 * The Chat Completions wire mapping, through the official `openai` SDK. The
 * SDK's own retries are off: `ChatModel` retries, with the streaming rule.
 */
export class OpenAIProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  // Private, so the key never shows in serialized or logged models.
  readonly #client: OpenAI;
  readonly #apiKey: string | undefined;

  constructor(settings: OpenAIProviderSettings) {
    this.provider = settings.providerName ?? 'openai';
    this.modelId = settings.model;
    this.#apiKey = settings.apiKey ?? readEnv('OPENAI_API_KEY');
    this.#client = new OpenAI({
      apiKey: this.#apiKey ?? 'missing-api-key',
      baseURL: settings.baseURL ?? readEnv('OPENAI_BASE_URL') ?? null,
      organization: settings.organization ?? null,
      maxRetries: 0,
      logLevel: 'off',
      dangerouslyAllowBrowser: true,
      ...(settings.defaultHeaders && { defaultHeaders: { ...settings.defaultHeaders } }),
      ...(settings.fetch && { fetch: settings.fetch }),
    });
  }

  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    const mapper = new OpenAIChunkMapper();
    try {
      const { data, response } = await this.#client.chat.completions
        .create(toOpenAIRequest(this.modelId, request), { signal: request.signal })
        .withResponse();
      if (response.headers.get('content-type')?.includes('application/json')) throw await this.#jsonInsteadOfStream(response);
      for await (const chunk of data) yield* mapper.map(chunk as CompatibleChunk);
    } catch (error) {
      throw fromOpenAIError(error, this.provider, this.#apiKey);
    }
  }

  /** Some servers answer a streaming request with a JSON error and status 200. */
  async #jsonInsteadOfStream(response: Response): Promise<ProviderError> {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string; code?: string; type?: string } } | undefined;
    const error = body?.error;
    // The body is the server's text, which may echo the key (as a 401 message does): mask it like any HTTP error.
    const detail = redact(error?.message ?? 'no error message', this.#apiKey);
    return new ProviderError(`${this.provider}: the server answered a streaming request with JSON: ${detail}`, {
      provider: this.provider,
      status: response.status,
      retryable: false,
      ...((error?.code ?? error?.type) !== undefined && { code: error?.code ?? error?.type }),
      ...(response.headers.get('x-request-id') && { requestId: response.headers.get('x-request-id') as string }),
    });
  }
}
