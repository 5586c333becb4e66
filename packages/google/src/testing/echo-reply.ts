import type { GoogleRecordedRequest } from './google-request-body.js';
import type { MockReply } from './mock-reply.js';
import { lastUserText } from './request-text.js';

/** The reply without a script: `You said: <last user message>`. */
export function echoReply(request: GoogleRecordedRequest): MockReply {
  return { text: `You said: ${lastUserText(request.body)}` };
}
