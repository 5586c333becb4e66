import type { AnthropicRecordedRequest } from './anthropic-request-record.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';
import { lastUserText } from './request-text.js';

/** The reply when no script is given: `You said: <last user message>`, so a demo visibly reacts. */
export function echoReply(request: AnthropicRecordedRequest): MockAnthropicReply {
  return { text: `You said: ${lastUserText(request.body)}` };
}
