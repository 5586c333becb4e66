import { jsonEvent, playEventStream, type HttpExchange, type WireEvent } from '@rivulet/provider-utils/testing';
import type { MockReply } from './mock-reply.js';
import type { CompletionPlan } from './plan-completion.js';
import { buildChunks } from './build-chunks.js';
import { openAIFaultWire } from './openai-fault-wire.js';

/**
 * Streams a reply as OpenAI does (`data: <chunk>` events, then
 * `data: [DONE]`), with the reply's faults played at their positions by the
 * mock-server kit's fault schedule.
 */
export async function writeChatStream(
  exchange: HttpExchange,
  reply: MockReply,
  plan: CompletionPlan,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const events: WireEvent[] = buildChunks(plan).map((chunk) => jsonEvent(chunk));
  if (!reply.omitDone) events.push({ data: '[DONE]' });
  await playEventStream(exchange, { events, faults: reply, wire: openAIFaultWire, headers, delayMs: reply.delayMs });
}
