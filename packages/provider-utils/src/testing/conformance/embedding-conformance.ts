import type { RecordedRequest } from '../mock-server/recorded-request.js';
import { embeddingCancellationScenarios } from './embedding-cancellation-scenarios.js';
import { embeddingConformanceHarness } from './embedding-conformance-harness.js';
import type { EmbeddingConformanceTarget } from './embedding-conformance-target.js';
import { embeddingFaultScenarios } from './embedding-fault-scenarios.js';
import { embeddingSecretScenarios } from './embedding-secret-scenarios.js';
import { embeddingTimeoutScenarios } from './embedding-timeout-scenarios.js';
import { embeddingVectorScenarios } from './embedding-vector-scenarios.js';
import { vitest } from './vitest-api.js';

/**
 * Registers the embeddings half of the provider conformance suite with
 * vitest: the behaviour every Rivulet embedding provider must show through
 * its `EmbeddingModel`, checked over real HTTP against the provider's
 * loopback mock server. One vector per text, the same text the same vector;
 * `embedMany` split by the provider's `maxEmbeddingsPerCall`, in input order
 * whatever order the calls finish in, usage summed; no texts, no request;
 * Retry-After honoured, final statuses not retried, dropped connections
 * retried; a wrong number of vectors `malformed_event` and an HTML page
 * `unexpected_content_type`, neither retried; the API key echoed in the
 * error body and the request-id header never shown; silent servers failing
 * within `idleTimeout`; an abort, or a batch failing for good, closing every
 * socket in flight.
 *
 * A suite of its own rather than part of `describeProviderConformance`: a
 * provider may offer embeddings without chat (or chat without embeddings),
 * and one package may have several chat targets (OpenAI's Chat Completions
 * and Responses) but one embeddings endpoint. Scenarios are written in a
 * provider-neutral {@link EmbeddingConformanceScript}; the target translates
 * them (see `playEmbeddingConformanceScript` and
 * `embeddingConformanceFaults`). Call it at the top level of a test file.
 *
 * @example
 * ```ts
 * describeEmbeddingConformance({
 *   name: 'acme',
 *   apiKey: 'acme-test-secret',
 *   textsOf: (request) => request.body?.input ?? [],
 *   async startServer(script) {
 *     const server = await startMockAcmeServer(playEmbeddingConformanceScript(script, toMockAcmeEmbeddingReply));
 *     return {
 *       requests: server.requests,
 *       close: () => server.close(),
 *       model: (options) => new AcmeEmbeddingModel({ model: 'acme-embed', apiKey: 'acme-test-secret', baseURL: server.url, maxEmbeddingsPerCall: 3, ...options }),
 *     };
 *   },
 * });
 * ```
 */
export function describeEmbeddingConformance<Request extends RecordedRequest>(target: EmbeddingConformanceTarget<Request>): void {
  const { describe } = vitest();
  describe(`${target.name}: embedding conformance`, () => {
    describe('vectors and batches', () => embeddingVectorScenarios(embeddingConformanceHarness(target)));
    describe('faults', () => embeddingFaultScenarios(embeddingConformanceHarness(target)));
    describe('the API key', () => embeddingSecretScenarios(embeddingConformanceHarness(target)));
    describe('silent servers', () => embeddingTimeoutScenarios(embeddingConformanceHarness(target)));
    describe('cancellation', () => embeddingCancellationScenarios(embeddingConformanceHarness(target)));
  });
}
