import type { ChatModelProviderV1, ChatRequestV1, PromptMessageV1 } from '@rivulet/provider';
import { sha256Hex } from './sha256-hex.js';
import { stableJson } from './stable-json.js';

/** The provider and model a request goes to, as a cache key names them. */
export type CachedModel = Pick<ChatModelProviderV1, 'provider' | 'modelId'>;

/**
 * The whole request as the provider reads it (messages, sampling parameters,
 * tools, tool choice, response format, provider options) and who reads it, as
 * canonical JSON: key order and message classes do not matter, and any
 * difference the provider would see does. Messages count by the fields the
 * provider contract names: a message `id` changes nothing.
 */
export function canonicalRequest(model: CachedModel, request: Omit<ChatRequestV1, 'signal'>): string {
  const { messages, params, tools, toolChoice, responseFormat, providerOptions } = request;
  return stableJson({
    format: 1,
    provider: model.provider,
    model: model.modelId,
    messages: messages.map(readFields),
    params,
    tools,
    toolChoice,
    responseFormat,
    providerOptions,
  });
}

/**
 * The key a reply to `request` is cached under: `provider:model:` and the
 * SHA-256 of {@link canonicalRequest}.
 *
 * @example
 * ```ts
 * await cacheKey(model.provider, { messages: [human('Hi')], params: { temperature: 0 } }); // 'openai:gpt-4o-mini:3f1c…'
 * ```
 */
export async function cacheKey(model: CachedModel, request: Omit<ChatRequestV1, 'signal'>): Promise<string> {
  return keyOf(model, canonicalRequest(model, request));
}

/** The cache key of a request already in canonical form. */
export async function keyOf(model: CachedModel, canonical: string): Promise<string> {
  return `${model.provider}:${model.modelId}:${await sha256Hex(canonical)}`;
}

/** The fields of a message the provider contract names, and nothing else. */
function readFields(message: PromptMessageV1): Record<string, unknown> {
  const common = { role: message.role, content: message.content, name: message.name };
  switch (message.role) {
    case 'ai':
      return { ...common, toolCalls: message.toolCalls.map(({ id, name, args }) => ({ id, name, args })), reasoning: message.reasoning };
    case 'tool':
      return { ...common, toolCallId: message.toolCallId, isError: message.isError };
    default:
      return common;
  }
}
