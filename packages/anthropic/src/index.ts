export { AnthropicChatModel, type AnthropicChatModelOptions } from './anthropic-chat-model.js';
export { AnthropicProvider, defaultAnthropicVersion, type AnthropicProviderSettings } from './anthropic-provider.js';
export { defaultMaxTokens } from './request/to-anthropic-request.js';
export type { AnthropicRequestBody } from './request/anthropic-request-body.js';
