import { TimeoutError } from '@rivulet/core';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import { vitest } from './vitest-api.js';

/** The `idleTimeout` the silence scenarios give a model, in ms. */
export const SILENCE_IDLE_TIMEOUT_MS = 300;
// Generous: the bound is what matters (a silent server must not hang a run for the SDK's own minutes).
const slack = 2_000;

/** The two silences every wire can have: no headers ever, or headers and then nothing. */
export const silences = [
  ['never sends the response headers', { headersDelayMs: Number.POSITIVE_INFINITY }],
  ['goes silent right after the headers', { stallAfterHeaders: true }],
] as const;

/**
 * Checks that `call` (a model call to a silent server, with
 * {@link SILENCE_IDLE_TIMEOUT_MS} as its `idleTimeout`) fails with
 * `TimeoutError` of kind `idle` after about that long, and that the request's
 * connection was closed.
 */
export async function expectSilenceTimesOut(call: () => Promise<unknown>, requests: readonly RecordedRequest[]): Promise<void> {
  const { expect } = vitest();
  const started = performance.now();
  const error = await call().catch((e: unknown) => e);
  const elapsed = performance.now() - started;
  expect(TimeoutError.isInstance(error)).toBe(true);
  expect((error as TimeoutError).kind).toBe('idle');
  expect(elapsed).toBeGreaterThanOrEqual(SILENCE_IDLE_TIMEOUT_MS - 10);
  expect(elapsed).toBeLessThan(SILENCE_IDLE_TIMEOUT_MS + slack);
  await requests[0]?.settled;
  expect(requests[0]?.closedEarly).toBe(true);
}
