import { faultHeaders, playFaultsBeforeReply, type HttpExchange } from '@rivulet/provider-utils/testing';
import { buildGeminiChunks } from './build-gemini-chunks.js';
import { googleFaultWire } from './google-fault-wire.js';
import type { GoogleRequestBody } from './google-request-body.js';
import type { MockReply } from './mock-reply.js';
import type { ModelRoute } from './model-route.js';
import { requestText } from './request-text.js';
import { writeGeminiStream } from './write-gemini-stream.js';

/**
 * Answers `streamGenerateContent?alt=sse`: the kit's faults that act before a
 * body (with Google's error body), then the reply's chunks as an event stream.
 */
export async function respondToGenerate(exchange: HttpExchange<GoogleRequestBody>, route: ModelRoute, reply: MockReply): Promise<void> {
  const headers = faultHeaders(reply, exchange);
  if (await playFaultsBeforeReply(exchange, reply, googleFaultWire(reply.retryDelay), headers)) return;
  const chunks = buildGeminiChunks(reply, {
    modelVersion: reply.modelVersion ?? route.model,
    responseId: reply.responseId ?? `mock-response-${exchange.record.index}`,
    promptText: requestText(exchange.record.body),
  });
  await writeGeminiStream(exchange, reply, chunks, headers);
}
