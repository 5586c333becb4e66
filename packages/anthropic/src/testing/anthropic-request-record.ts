import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import type { RecordedRequest } from '@rivulet/models/testing';

/**
 * A request body as the mock Anthropic server records it: parsed JSON, typed
 * after the official SDK's parameters for convenient assertions but not
 * validated, so every field may be missing.
 */
export type AnthropicMockRequestBody = Partial<MessageCreateParamsBase> & {
  readonly temperature?: number;
  readonly top_p?: number;
};

/** A request recorded by the mock Anthropic server. */
export type AnthropicRecordedRequest = RecordedRequest<AnthropicMockRequestBody>;
