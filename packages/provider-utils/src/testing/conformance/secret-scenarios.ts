import { ProviderError } from '@rivulet/core';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

/**
 * Servers echo the API key in odd places: the error body's message and code
 * (or type), the request-id header. The key must appear in no field a user or
 * a client can see, while the fields themselves are kept, masked.
 */
export function secretScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();
  const { apiKey } = harness.target;
  // Codes are masked where the wire has them; where it has none, none is made up.
  const masked = (code: string): string | undefined => (harness.target.errorCodes === false ? undefined : code);

  it('a 401 echoing the key in message, error code and request-id header shows it nowhere, and keeps code and request id masked', async () => {
    const { model } = await harness.start({
      status: 401,
      errorMessage: `Incorrect API key provided: ${apiKey}`,
      errorCode: `invalid_api_key:${apiKey}`,
      requestId: `req_${apiKey}`,
    });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, retryable: false, code: masked('invalid_api_key:***'), requestId: 'req_***' });
    expect((error as ProviderError).message).toContain('Incorrect API key provided: ***');
    harness.expectNoSecret(error);
  });

  it('the key echoed only in the error code and the request-id header (a plain message) shows nowhere either', async () => {
    const { model } = await harness.start({ status: 401, errorMessage: 'Unauthorized.', errorCode: apiKey, requestId: apiKey });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', status: 401, code: masked('***'), requestId: '***' });
    harness.expectNoSecret(error);
  });

  it('an error event mid-stream echoing the key shows it nowhere', async () => {
    const { model } = await harness.start(
      { text: 'some text', errorEventAfterChunks: 1, errorMessage: `overloaded for ${apiKey}`, errorCode: `overloaded:${apiKey}` },
      { maxRetries: 0 },
    );
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    harness.expectNoSecret(error);
  });
}
