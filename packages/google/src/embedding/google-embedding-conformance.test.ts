import {
  describeEmbeddingConformance,
  embeddingConformanceFaults,
  playEmbeddingConformanceScript,
  type EmbeddingConformanceReply,
} from '@rivulet/provider-utils/testing';
import { startMockGoogleServer, type GoogleRecordedRequest, type MockReply } from '../testing/index.js';
import { madeUpVector } from '../testing/made-up-vector.js';
import { contentText } from '../testing/request-text.js';
import { GoogleEmbeddingModel } from './google-embedding-model.js';

const apiKey = 'AIza-test-embedding-conformance-secret';

/** The texts of a `batchEmbedContents` request: one per entry of `requests`. */
function textsOf(request: GoogleRecordedRequest): readonly string[] {
  return (request.body?.requests ?? []).map((entry) => contentText(entry.content));
}

/**
 * A neutral embedding reply as the mock Gemini server's: usage as
 * `promptTokenCount`; a wrong count as the mock's own vectors for every text
 * but the last; the faults through the kit, an error code as the Google
 * error's `status` (Google's own codes are names such as `UNAUTHENTICATED`).
 */
function toMockReply(reply: EmbeddingConformanceReply, request: GoogleRecordedRequest): MockReply {
  const entries = request.body?.requests ?? [];
  return {
    ...(reply.inputTokens !== undefined && { usage: { promptTokenCount: reply.inputTokens } }),
    ...(reply.wrongCount === true && {
      embeddings: entries.slice(0, -1).map((entry) => madeUpVector(contentText(entry.content), entry.outputDimensionality ?? 8)),
    }),
    ...embeddingConformanceFaults(reply, {
      error: ({ message, code }) => ({ ...(message !== undefined && { message }), ...(code !== undefined && { status: code }) }),
    }),
  };
}

describeEmbeddingConformance({
  name: 'google',
  apiKey,
  textsOf,
  async startServer(script) {
    const server = await startMockGoogleServer(playEmbeddingConformanceScript(script, toMockReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      // Google's limit is fixed at 100 texts a call, so the batching scenario sends 201.
      model: (options) => new GoogleEmbeddingModel({ model: 'gemini-embedding-test', apiKey, baseURL: server.url, ...options }),
    };
  },
});
