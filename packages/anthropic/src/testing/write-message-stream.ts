import { jsonEvent, playEventStream, type HttpExchange, type WireEvent } from '@rivulet/provider-utils/testing';
import { anthropicFaultWire } from './anthropic-fault-wire.js';
import { buildStreamEvents } from './build-stream-events.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';
import type { MessagePlan } from './plan-message.js';

const ping: WireEvent = jsonEvent({ type: 'ping' }, 'ping');

/**
 * Streams a message as Anthropic does, every event named (`event: <type>`),
 * with the reply's pings as asides and its faults played at their positions
 * by the mock-server kit's fault schedule.
 */
export async function writeMessageStream(
  exchange: HttpExchange,
  reply: MockAnthropicReply,
  plan: MessagePlan,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const events = buildStreamEvents(plan, reply).map((event) => jsonEvent(event, event.type));
  const asides = new Map<number, WireEvent[]>();
  for (const position of reply.pingAfterChunks ?? [2]) asides.set(position, [...(asides.get(position) ?? []), ping]);
  await playEventStream(exchange, { events, faults: reply, wire: anthropicFaultWire, headers, delayMs: reply.delayMs, asides });
}
