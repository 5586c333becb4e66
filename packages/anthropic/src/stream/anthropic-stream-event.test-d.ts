import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { ErrorResponse } from '@anthropic-ai/sdk/resources/shared';
import type { AnthropicStreamEvent, ErrorEvent } from './anthropic-stream-event.js';

// Compile-time checks (tsc reads this file): every event the official SDK
// declares is one the mapping's loose types accept, so a field renamed or
// retyped upstream breaks the type check rather than a stream in production.
type Assert<T extends true> = T;
export type SdkEventsFit = Assert<RawMessageStreamEvent extends AnthropicStreamEvent ? true : false>;
export type SdkErrorEventFits = Assert<ErrorResponse extends ErrorEvent ? true : false>;
