import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { RecordedRequest } from '@rivulet/provider-utils/testing';

/**
 * A request body as the mock OpenAI server records it: parsed JSON, typed
 * after the SDK's parameters for convenient assertions but not validated,
 * so every field may be missing.
 */
export type OpenAIRequestBody = Partial<ChatCompletionCreateParams>;

/** A request recorded by the mock OpenAI server. */
export type OpenAIRecordedRequest = RecordedRequest<OpenAIRequestBody>;
