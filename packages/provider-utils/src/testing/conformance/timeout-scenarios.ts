import { TimeoutError } from '@rivulet/core';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

const idleTimeout = 300;
// Generous: the bound is what matters (a silent server must not hang a run for the SDK's own minutes).
const slack = 2_000;

/** A server that stays silent fails the call with `TimeoutError` within the model's `idleTimeout`, and the connection is closed. */
export function timeoutScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();

  const silent = [
    ['never sends the response headers', { text: 'never', headersDelayMs: Number.POSITIVE_INFINITY }],
    ['goes silent right after the headers', { text: 'never', stallAfterHeaders: true }],
  ] as const;

  for (const [what, reply] of silent) {
    it(`a server that ${what} fails with TimeoutError within idleTimeout, and the connection is closed`, async () => {
      const { model, server } = await harness.start(reply, { idleTimeout, maxRetries: 0 });
      const started = performance.now();
      const error = await model.invoke('x').catch((e: unknown) => e);
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
