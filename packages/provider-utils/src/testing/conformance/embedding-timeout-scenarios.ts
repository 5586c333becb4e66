import { TimeoutError } from '@rivulet/core';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceHarness } from './embedding-conformance-harness.js';
import { vitest } from './vitest-api.js';

const idleTimeout = 300;
// Generous: the bound is what matters (a silent server must not hang a run for the SDK's own minutes).
const slack = 2_000;

/** A server that stays silent fails the call with `TimeoutError` within the model's `idleTimeout`, and the connection is closed. */
export function embeddingTimeoutScenarios<Request extends RecordedRequest>(harness: EmbeddingConformanceHarness<Request>): void {
  const { it, expect } = vitest();

  const silent = [
    ['never sends the response headers', { headersDelayMs: Number.POSITIVE_INFINITY }],
    ['sends the headers and never the body', { stallAfterHeaders: true }],
  ] as const;

  for (const [what, reply] of silent) {
    it(`a server that ${what} fails with TimeoutError within idleTimeout, and the connection is closed`, async () => {
      const { model, server } = await harness.start(reply, { idleTimeout, maxRetries: 0 });
      const started = performance.now();
      const error = await model.embed('a fjord').catch((e: unknown) => e);
      const elapsed = performance.now() - started;
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect((error as TimeoutError).kind).toBe('idle');
      expect(elapsed).toBeGreaterThanOrEqual(idleTimeout - 10);
      expect(elapsed).toBeLessThan(idleTimeout + slack);
      await server.requests[0]?.settled;
      expect(server.requests[0]?.closedEarly).toBe(true);
    });
  }
}
