import type { RecordedRequest } from '@rivulet/provider-utils/testing';
import type { AnthropicRequestBody, AnthropicTextBlock } from '../request/anthropic-request-body.js';

/**
 * A request body as the mock Anthropic server records it: parsed JSON, typed
 * after the Messages API's fields for convenient assertions but not
 * validated, so every field may be missing. Any client may call the mock
 * (the official SDK too), so `stream` may be false and `system` a list of
 * text blocks.
 */
export type AnthropicMockRequestBody = Partial<Omit<AnthropicRequestBody, 'stream' | 'system'>> & {
  readonly stream?: boolean;
  readonly system?: string | readonly AnthropicTextBlock[];
};

/** A request recorded by the mock Anthropic server. */
export type AnthropicRecordedRequest = RecordedRequest<AnthropicMockRequestBody>;
