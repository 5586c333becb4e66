import { dropConnection, sendJson, stall, writeFlushed, type HttpExchange } from '@rivulet/models/testing';
import { buildMessage } from './build-message.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';
import type { MessagePlan } from './plan-message.js';

/**
 * Answers a non-streaming request with one `message` object. A stall or drop
 * fault sends the headers first, then stalls, or sends half the body and drops.
 */
export async function writeMessage(
  exchange: HttpExchange,
  reply: MockAnthropicReply,
  plan: MessagePlan,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const message = buildMessage(plan);
  if (reply.stallAfterEvents === undefined && reply.dropAfterEvents === undefined) return sendJson(exchange, 200, message, headers);
  const { response, signal } = exchange;
  const text = JSON.stringify(message);
  response.writeHead(200, { ...headers, 'content-type': 'application/json' });
  response.flushHeaders();
  exchange.noteStatus(200);
  if (reply.stallAfterEvents !== undefined) await stall(reply.stallMs, signal);
  if (reply.dropAfterEvents !== undefined) {
    await writeFlushed(response, text.slice(0, Math.floor(text.length / 2)), signal);
    if (!signal.aborted) dropConnection(exchange);
    return;
  }
  if (!signal.aborted) response.end(text);
}
