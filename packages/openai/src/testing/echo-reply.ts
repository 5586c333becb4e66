import type { MockReply } from './mock-reply.js';
import type { OpenAIRecordedRequest } from './openai-request-body.js';
import { messageText } from './message-text.js';
import { requestMessages } from './request-messages.js';

/**
 * The reply when no script is given: `You said: <last user message>`, so an
 * offline demo visibly reacts to its input.
 */
export function echoReply(request: OpenAIRecordedRequest): MockReply {
  const lastUser = requestMessages(request.body).findLast((message) => message.role === 'user');
  return { text: `You said: ${messageText(lastUser?.content)}` };
}
