import { jsonEvent, NdjsonWriter, playEventStream, type HttpExchange, type WireEvent } from '@rivulet/provider-utils/testing';
import type { ChatLine } from './chat-lines.js';
import type { MockOllamaReply } from './mock-reply.js';
import { ollamaFaultWire } from './ollama-fault-wire.js';

/**
 * Streams chat lines as Ollama does (`application/x-ndjson`, one JSON object
 * a line, the last with `done: true`), with the reply's faults played at
 * their positions by the mock-server kit's fault schedule.
 */
export async function writeChatStream(exchange: HttpExchange, reply: MockOllamaReply, lines: readonly ChatLine[], headers: Readonly<Record<string, string>>): Promise<void> {
  const events = (reply.omitDone === true ? lines.slice(0, -1) : lines).map((line) => jsonEvent(line));
  const asides = new Map<number, WireEvent[]>();
  for (const extra of reply.extraLines ?? []) asides.set(extra.after, [...(asides.get(extra.after) ?? []), { data: extra.line }]);
  await playEventStream(exchange, { events, faults: reply, wire: ollamaFaultWire, headers, delayMs: reply.delayMs, asides, writer: new NdjsonWriter(exchange) });
}
