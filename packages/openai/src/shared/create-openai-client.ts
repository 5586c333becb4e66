import { readEnv, resolveApiKey } from '@rivulet/provider-utils';
import OpenAI from 'openai';
import type { OpenAIProviderSettings } from '../chat/openai-provider.js';

/** An SDK client and the key it sends (masked in every error built with it). */
export interface OpenAIConnection {
  readonly client: OpenAI;
  /** `undefined` when `apiKey: null` said the endpoint needs none. */
  readonly apiKey: string | undefined;
}

/**
 * The official SDK client for connection settings: the key resolved (option,
 * else `OPENAI_API_KEY`, else an `InputError`), the base URL from the option
 * or `OPENAI_BASE_URL`, and the SDK's own retries off, since `ChatModel`
 * retries with the streaming rule (never after the first chunk).
 *
 * @example
 * ```ts
 * const { client, apiKey } = createOpenAIClient({ model: 'gpt-5-mini' }, 'openai');
 * ```
 */
export function createOpenAIClient(settings: OpenAIProviderSettings, provider: string): OpenAIConnection {
  const apiKey = resolveApiKey({ apiKey: settings.apiKey, environmentVariable: 'OPENAI_API_KEY', provider });
  const client = new OpenAI({
    // The SDK insists on a key; with `apiKey: null` it gets a placeholder and the header is removed below.
    apiKey: apiKey ?? 'none',
    baseURL: settings.baseURL ?? readEnv('OPENAI_BASE_URL') ?? null,
    organization: settings.organization ?? null,
    maxRetries: 0,
    logLevel: 'off',
    dangerouslyAllowBrowser: true,
    defaultHeaders: { ...settings.defaultHeaders, ...(apiKey === undefined && { authorization: null }) },
    ...(settings.fetch && { fetch: settings.fetch }),
  });
  return { client, apiKey };
}
