import { faultHeaders, playFaultsBeforeReply, sendJson, sendJsonWithFaults, type HttpExchange } from '@rivulet/provider-utils/testing';
import { estimateTokens } from './estimate-tokens.js';
import { googleErrorBody } from './google-error-body.js';
import { googleFaultWire } from './google-fault-wire.js';
import type { GoogleRequestBody, GoogleWireContent } from './google-request-body.js';
import { madeUpVector } from './made-up-vector.js';
import type { MockReply } from './mock-reply.js';
import type { ModelRoute } from './model-route.js';
import { contentText } from './request-text.js';

/** Google's limit on the requests of one `batchEmbedContents` call. */
const MAX_BATCH = 100;

/**
 * Answers `batchEmbedContents` (`{ embeddings: [{ values }] }`, one per
 * request, at most 100 a call as Google allows) and `embedContent`
 * (`{ embedding: { values } }`). Vectors are the reply's, or made from each
 * text with the requested `outputDimensionality`. The kit's faults apply
 * (a stall or drop acts after the headers).
 */
export async function respondToEmbed(exchange: HttpExchange<GoogleRequestBody>, route: ModelRoute, reply: MockReply): Promise<void> {
  const headers = faultHeaders(reply, exchange);
  if (await playFaultsBeforeReply(exchange, reply, googleFaultWire(reply.retryDelay), headers)) return;
  const body = exchange.record.body ?? {};
  const batch = route.method === 'batchEmbedContents';
  const requests = batch ? (body.requests ?? []) : [{ content: body.content, outputDimensionality: body['outputDimensionality'] as number | undefined }];
  if (batch && requests.length > MAX_BATCH) {
    return sendJson(exchange, 400, googleErrorBody(400, { message: `* BatchEmbedContentsRequest.requests: at most ${MAX_BATCH} requests can be in one batch` }));
  }
  const texts = requests.map((request) => contentText(request.content as GoogleWireContent | undefined));
  const vectors = reply.embeddings ?? texts.map((text, i) => madeUpVector(text, requests[i]?.outputDimensionality ?? reply.dimensions ?? 8));
  const usage = reply.usage === false || reply.usage === undefined ? undefined : (reply.usage.promptTokenCount ?? texts.reduce((sum, text) => sum + estimateTokens(text), 0));
  const answer = batch ? { embeddings: vectors.map((values) => ({ values })) } : { embedding: { values: vectors[0] ?? [] } };
  const usageMetadata = usage === undefined ? {} : { usageMetadata: { promptTokenCount: usage, totalTokenCount: usage } };
  await sendJsonWithFaults(exchange, { ...answer, ...usageMetadata }, reply, headers);
}
