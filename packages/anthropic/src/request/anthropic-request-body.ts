import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';

/**
 * The body of a streaming `POST /v1/messages`: the official SDK's parameter
 * type (so the mapping is checked against Anthropic's own definitions, at no
 * runtime cost) plus the sampling fields the classic API accepts and this
 * SDK release no longer declares.
 */
export type AnthropicRequestBody = MessageCreateParamsStreaming & {
  readonly temperature?: number;
  readonly top_p?: number;
};
