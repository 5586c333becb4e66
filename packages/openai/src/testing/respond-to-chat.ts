import { faultHeaders, playFaultsBeforeReply, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { MockReply } from './mock-reply.js';
import type { OpenAIRequestBody } from './openai-request-body.js';
import { openAIFaultWire } from './openai-fault-wire.js';
import { planCompletion } from './plan-completion.js';
import { writeChatCompletion } from './write-chat-completion.js';
import { writeChatStream } from './write-chat-stream.js';

/**
 * Answers one chat completion request with a reply: the faults that act
 * before or instead of a completion first (the kit's schedule, with OpenAI's
 * error body), then a stream or a full object, as the request's `stream` asks.
 */
export async function respondToChat(exchange: HttpExchange<OpenAIRequestBody>, reply: MockReply): Promise<void> {
  const headers = faultHeaders(reply, exchange);
  if (await playFaultsBeforeReply(exchange, reply, openAIFaultWire, headers)) return;
  const plan = planCompletion(reply, exchange.record);
  if (exchange.record.body?.stream === true) return writeChatStream(exchange, reply, plan, headers);
  return writeChatCompletion(exchange, plan, reply, headers);
}
