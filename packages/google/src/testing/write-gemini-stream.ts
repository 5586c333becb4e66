import { jsonEvent, playEventStream, type HttpExchange } from '@rivulet/provider-utils/testing';
import { GeminiEventWriter } from './gemini-event-writer.js';
import { googleFaultWire } from './google-fault-wire.js';
import type { MockReply } from './mock-reply.js';

/**
 * Streams `chunks` as `streamGenerateContent?alt=sse` does, with the reply's
 * faults played at their positions by the kit's fault schedule. Gemini sends
 * no end marker: the last chunk has the finish reason, then the body ends.
 */
export async function writeGeminiStream(
  exchange: HttpExchange,
  reply: MockReply,
  chunks: readonly object[],
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  await playEventStream(exchange, {
    events: chunks.map((chunk) => jsonEvent(chunk)),
    faults: reply,
    wire: googleFaultWire(reply.retryDelay),
    headers,
    delayMs: reply.delayMs,
    writer: new GeminiEventWriter(exchange),
  });
}
