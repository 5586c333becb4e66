import {
  describeEmbeddingConformance,
  embeddingConformanceFaults,
  playEmbeddingConformanceScript,
  type EmbeddingConformanceReply,
} from '@rivulet/provider-utils/testing';
import { startMockOllamaServer, type MockOllamaReply, type OllamaRecordedRequest } from '../testing/index.js';
import { embedVector } from '../testing/embed-vector.js';
import { OllamaEmbeddingModel } from './ollama-embedding-model.js';

// Ollama needs no key; a hosted server or proxy does, and then it must never show.
const apiKey = 'ollama-test-embedding-conformance-secret';

/** The texts of an `/api/embed` request: its `input`, a string or strings. */
function textsOf(request: OllamaRecordedRequest): readonly string[] {
  const input = request.body?.input;
  if (typeof input === 'string') return [input];
  return (input ?? []).map(String);
}

/**
 * A neutral embedding reply as the mock Ollama server's: usage as
 * `prompt_eval_count`; a wrong count as the mock's own vectors for every
 * text but the last; the faults through the kit, with Ollama's
 * `{"error": "<message>"}` body (no room for a code) and Retry-After (a
 * proxy's) in seconds.
 */
function toMockReply(reply: EmbeddingConformanceReply, request: OllamaRecordedRequest): MockOllamaReply {
  const dimensions = request.body?.dimensions ?? 8;
  return {
    ...(reply.inputTokens !== undefined && { usage: { promptEvalCount: reply.inputTokens } }),
    ...(reply.wrongCount === true && { embeddings: textsOf(request).slice(0, -1).map((text) => embedVector(text, dimensions)) }),
    ...embeddingConformanceFaults(reply, { retryAfter: 'seconds', error: ({ message }) => (message === undefined ? {} : { message }) }),
  };
}

describeEmbeddingConformance({
  name: 'ollama',
  apiKey,
  textsOf,
  // Ollama's error bodies carry a message only.
  errorCodes: false,
  async startServer(script) {
    const server = await startMockOllamaServer(playEmbeddingConformanceScript(script, toMockReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      // Ollama sets no batch limit; a small one makes the batching scenario split.
      model: (options) => new OllamaEmbeddingModel({ model: 'embed-test', apiKey, host: server.url, maxEmbeddingsPerCall: 3, ...options }),
    };
  },
});
