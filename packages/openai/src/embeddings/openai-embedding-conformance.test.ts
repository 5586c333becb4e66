import { hashEmbedding } from '@rivulet/models/testing';
import {
  describeEmbeddingConformance,
  embeddingConformanceFaults,
  playEmbeddingConformanceScript,
  type EmbeddingConformanceReply,
} from '@rivulet/provider-utils/testing';
import { startMockOpenAIServer, type MockEmbeddingReply, type OpenAIEmbeddingRecordedRequest } from '../testing/index.js';
import { OpenAIEmbeddingModel } from './openai-embedding-model.js';

const apiKey = 'sk-test-embedding-conformance-secret';

/** The texts of a `POST /v1/embeddings` request: its `input`, a string or strings. */
function textsOf(request: OpenAIEmbeddingRecordedRequest): readonly string[] {
  const input = request.body?.input;
  if (typeof input === 'string') return [input];
  return Array.isArray(input) ? input.filter((text): text is string => typeof text === 'string') : [];
}

/**
 * A neutral embedding reply as the mock OpenAI server's: usage as
 * `prompt_tokens`; a wrong count as the mock's own vectors (hashed, as long
 * as the request asked) for every text but the last; the faults through the
 * kit, with an error code echoed as `error.code` and `error.type`.
 */
function toMockEmbeddingReply(reply: EmbeddingConformanceReply, request: OpenAIEmbeddingRecordedRequest): MockEmbeddingReply {
  const dimensions = request.body?.dimensions ?? 1536;
  return {
    ...(reply.inputTokens !== undefined && { promptTokens: reply.inputTokens }),
    ...(reply.wrongCount === true && { embeddings: textsOf(request).slice(0, -1).map((text) => hashEmbedding(text, dimensions)) }),
    ...embeddingConformanceFaults(reply, {
      error: ({ message, code }) => ({ ...(message !== undefined && { message }), ...(code !== undefined && { code, type: code }) }),
    }),
  };
}

describeEmbeddingConformance({
  name: 'openai',
  apiKey,
  textsOf,
  async startServer(script) {
    const server = await startMockOpenAIServer(undefined, { embeddings: playEmbeddingConformanceScript(script, toMockEmbeddingReply) });
    return {
      requests: server.requests as OpenAIEmbeddingRecordedRequest[],
      close: () => server.close(),
      // A small batch size and short vectors keep the batching scenario quick.
      model: (options) => new OpenAIEmbeddingModel({ model: 'text-embedding-test', apiKey, baseURL: server.url, maxEmbeddingsPerCall: 3, dimensions: 8, ...options }),
    };
  },
});
