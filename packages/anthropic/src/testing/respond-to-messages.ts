import { playFaultsBeforeReply, sendJsonWithFaults, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { AnthropicMockRequestBody } from './anthropic-request-record.js';
import { anthropicFaultWire } from './anthropic-fault-wire.js';
import { buildMessage } from './build-message.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';
import { planMessage } from './plan-message.js';
import { replyHeaders } from './reply-headers.js';
import { writeMessageStream } from './write-message-stream.js';

/**
 * Answers one Messages request with a reply: the faults that act before or
 * instead of a message first (the kit's schedule, with Anthropic's error
 * body), then a stream or a whole message, as the request's `stream` asks.
 */
export async function respondToMessages(exchange: HttpExchange<AnthropicMockRequestBody>, reply: MockAnthropicReply): Promise<void> {
  const headers = replyHeaders(reply, exchange);
  if (await playFaultsBeforeReply(exchange, reply, anthropicFaultWire, headers)) return;
  const plan = planMessage(reply, exchange.record);
  if (exchange.record.body?.stream === true) return writeMessageStream(exchange, reply, plan, headers);
  return sendJsonWithFaults(exchange, buildMessage(plan), reply, headers);
}
