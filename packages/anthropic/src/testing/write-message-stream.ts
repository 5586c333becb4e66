import { dropConnection, SseWriter, sleep, stall, type HttpExchange } from '@rivulet/models/testing';
import { anthropicErrorBody, errorObject } from './anthropic-error-body.js';
import { buildStreamEvents } from './build-stream-events.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';
import type { MessagePlan } from './plan-message.js';

// Looks like the start of a real delta, so a lenient client cannot guess its way past it.
const malformedData = '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"unterminated';

/**
 * Streams a message as Anthropic does, every event named (`event: <type>`),
 * injecting the reply's stream faults and pings at their positions.
 */
export async function writeMessageStream(
  exchange: HttpExchange,
  reply: MockAnthropicReply,
  plan: MessagePlan,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const sse = new SseWriter(exchange);
  sse.start({ headers });
  const events = buildStreamEvents(plan, reply);
  const pings = reply.pingAfterEvents ?? [2];
  for (let position = 0; position <= events.length; position++) {
    if (reply.stallAfterEvents === position) await stall(reply.stallMs, exchange.signal);
    if (!sse.open) return;
    if (reply.dropAfterEvents === position) return dropConnection(exchange);
    if (reply.errorEventAfterEvents === position) {
      await sse.json(anthropicErrorBody(undefined, errorObject(reply.error), exchange.record.requestId), 'error');
      return sse.end();
    }
    if (reply.malformedAfterEvents === position) await sse.event(malformedData, 'content_block_delta');
    if (pings.includes(position)) await sse.json({ type: 'ping' }, 'ping');
    const event = events[position];
    if (event === undefined) break;
    if (position > 0 && reply.delayMs !== undefined) await sleep(reply.delayMs, exchange.signal);
    await sse.json(event, event.type);
  }
  sse.end();
}
