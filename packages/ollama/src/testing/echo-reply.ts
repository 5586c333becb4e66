import type { MockOllamaReply } from './mock-reply.js';
import type { OllamaRecordedRequest } from './ollama-request-body.js';

/**
 * The reply when no script is given: `You said: <last user message>` for a
 * chat, so an offline demo visibly reacts to its input, and the default
 * vectors for an embed.
 */
export function echoReply(request: OllamaRecordedRequest): MockOllamaReply {
  const lastUser = (request.body?.messages ?? []).findLast((message) => message.role === 'user');
  return { text: `You said: ${typeof lastUser?.content === 'string' ? lastUser.content : ''}` };
}
