import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceHarness } from './embedding-conformance-harness.js';
import { expectSilenceTimesOut, SILENCE_IDLE_TIMEOUT_MS, silences } from './silence-check.js';
import { vitest } from './vitest-api.js';

/** A server that stays silent fails the call with `TimeoutError` within the model's `idleTimeout`, and the connection is closed. */
export function embeddingTimeoutScenarios<Request extends RecordedRequest>(harness: EmbeddingConformanceHarness<Request>): void {
  const { it } = vitest();
  for (const [what, silence] of silences) {
    it(`a server that ${what} fails with TimeoutError within idleTimeout, and the connection is closed`, async () => {
      const { model, server } = await harness.start(silence, { idleTimeout: SILENCE_IDLE_TIMEOUT_MS, maxRetries: 0 });
      await expectSilenceTimesOut(() => model.embed('a fjord'), server.requests);
    });
  }
}
