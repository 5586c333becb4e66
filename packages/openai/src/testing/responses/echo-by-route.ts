import { echoReply } from '../echo-reply.js';
import { messageText } from '../message-text.js';
import type { MockReply } from '../mock-reply.js';
import type { OpenAIRecordedRequest } from '../openai-request-body.js';
import { inputMessages, isResponsesRequest, responsesBody } from './responses-request-body.js';

/**
 * The reply when no script is given, on any route: `You said: <last user
 * message>`, read from `input` on the Responses route and from `messages`
 * elsewhere.
 */
export function echoByRoute(request: OpenAIRecordedRequest): MockReply {
  if (!isResponsesRequest(request)) return echoReply(request);
  const lastUser = inputMessages(responsesBody(request)).findLast((message) => message.role === 'user');
  return { text: `You said: ${messageText(lastUser?.content)}` };
}
