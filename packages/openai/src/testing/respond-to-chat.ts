import type { HttpExchange } from '../mock-server/http-exchange.js';
import { dropConnection } from '../mock-server/drop-connection.js';
import { sendJson } from '../mock-server/send-body.js';
import { sleep } from '../mock-server/sleep.js';
import type { MockReply } from './mock-reply.js';
import type { OpenAIRequestBody } from './openai-request-body.js';
import { errorObject, openAIErrorBody } from './openai-error-body.js';
import { planCompletion } from './plan-completion.js';
import { replyHeaders } from './reply-headers.js';
import { sendStatusError } from './send-status-error.js';
import { writeChatCompletion } from './write-chat-completion.js';
import { writeChatStream } from './write-chat-stream.js';

/**
 * Answers one chat completion request with a reply: the faults that act
 * before or instead of a completion first, then a stream or a full object,
 * as the request's `stream` asks.
 */
export async function respondToChat(exchange: HttpExchange<OpenAIRequestBody>, reply: MockReply): Promise<void> {
  if (reply.headersDelayMs !== undefined) await sleep(reply.headersDelayMs, exchange.signal);
  if (exchange.signal.aborted) return;
  if (reply.dropBeforeHeaders === true) return dropConnection(exchange);
  const headers = replyHeaders(reply);
  if (reply.status !== undefined && reply.status >= 400) {
    return sendStatusError(exchange, reply.status, reply, headers);
  }
  if (reply.jsonErrorBody === true) {
    return sendJson(exchange, 200, openAIErrorBody(undefined, errorObject(reply.error)), headers);
  }
  const plan = planCompletion(reply, exchange.record);
  if (exchange.record.body?.stream === true) return writeChatStream(exchange, reply, plan, headers);
  return writeChatCompletion(exchange, reply, plan, headers);
}
