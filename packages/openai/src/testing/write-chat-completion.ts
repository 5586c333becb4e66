import type { HttpExchange } from '../mock-server/http-exchange.js';
import { dropConnection } from '../mock-server/drop-connection.js';
import { sendJson } from '../mock-server/send-body.js';
import { stall } from '../mock-server/stall.js';
import { writeFlushed } from '../mock-server/write-flushed.js';
import type { MockReply } from './mock-reply.js';
import type { CompletionPlan } from './plan-completion.js';
import { buildCompletion } from './build-completion.js';

/**
 * Answers a non-streaming request with one `chat.completion` object. A stall
 * or drop fault sends the headers first, then stalls, or sends half the body
 * and drops, so body timeouts and torn bodies can be tested too.
 */
export async function writeChatCompletion(
  exchange: HttpExchange,
  reply: MockReply,
  plan: CompletionPlan,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const completion = buildCompletion(plan);
  if (reply.stallAfterChunks === undefined && reply.dropAfterChunks === undefined) {
    sendJson(exchange, 200, completion, headers);
    return;
  }
  const { response, signal } = exchange;
  const text = JSON.stringify(completion);
  response.writeHead(200, { ...headers, 'content-type': 'application/json' });
  response.flushHeaders();
  exchange.noteStatus(200);
  if (reply.stallAfterChunks !== undefined) await stall(reply.stallMs, signal);
  if (reply.dropAfterChunks !== undefined) {
    await writeFlushed(response, text.slice(0, Math.floor(text.length / 2)), signal);
    if (!signal.aborted) dropConnection(exchange);
    return;
  }
  if (!signal.aborted) response.end(text);
}
