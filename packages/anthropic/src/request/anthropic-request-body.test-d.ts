import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { AnthropicRequestBody } from './anthropic-request-body.js';

// Compile-time check (tsc reads this file): every body this package sends is
// one the official SDK declares, so a field renamed or retyped upstream breaks
// the type check rather than a request in production.
type Assert<T extends true> = T;
export type BodyFitsTheSdk = Assert<AnthropicRequestBody extends MessageCreateParamsStreaming ? true : false>;
