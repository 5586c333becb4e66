import { dropConnection, sendBody, sendJson, sleep, type HttpExchange } from '@rivulet/models/testing';
import type { AnthropicMockRequestBody } from './anthropic-request-record.js';
import { anthropicErrorBody, errorObject } from './anthropic-error-body.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';
import { planMessage } from './plan-message.js';
import { replyHeaders } from './reply-headers.js';
import { writeMessage } from './write-message.js';
import { writeMessageStream } from './write-message-stream.js';

/**
 * Answers one Messages request with a reply: the faults that act before or
 * instead of a message first, then a stream or a whole message, as the
 * request's `stream` asks.
 */
export async function respondToMessages(exchange: HttpExchange<AnthropicMockRequestBody>, reply: MockAnthropicReply): Promise<void> {
  if (reply.headersDelayMs !== undefined) await sleep(reply.headersDelayMs, exchange.signal);
  if (exchange.signal.aborted) return;
  if (reply.dropBeforeHeaders === true) return dropConnection(exchange);
  const headers = replyHeaders(reply);
  const { requestId } = exchange.record;
  if (reply.status !== undefined && reply.status >= 400) {
    if (typeof reply.error === 'string') return sendBody(exchange, reply.status, 'text/plain; charset=utf-8', reply.error, headers);
    return sendJson(exchange, reply.status, anthropicErrorBody(reply.status, reply.error ?? {}, requestId), headers);
  }
  if (reply.jsonErrorBody === true) return sendJson(exchange, 200, anthropicErrorBody(undefined, errorObject(reply.error), requestId), headers);
  const plan = planMessage(reply, exchange.record);
  if (exchange.record.body?.stream === true) return writeMessageStream(exchange, reply, plan, headers);
  return writeMessage(exchange, reply, plan, headers);
}
