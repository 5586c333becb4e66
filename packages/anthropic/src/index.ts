export { AnthropicChatModel, type AnthropicChatModelOptions } from './anthropic-chat-model.js';
export type { AnthropicMetadata } from './anthropic-metadata.js';
export { AnthropicProvider, defaultAnthropicVersion, type AnthropicProviderSettings } from './anthropic-provider.js';
export { defaultMaxTokens } from './request/to-anthropic-request.js';
export type {
  AnthropicRequestBody,
  AnthropicMessageParam,
  AnthropicContentBlockParam,
  AnthropicTextBlock,
  AnthropicImageBlock,
  AnthropicImageMediaType,
  AnthropicToolUseBlock,
  AnthropicToolResultBlock,
  AnthropicTool,
  AnthropicToolChoice,
} from './request/anthropic-request-body.js';
