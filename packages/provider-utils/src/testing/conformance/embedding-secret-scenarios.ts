import { ProviderError } from '@rivulet/core';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceHarness } from './embedding-conformance-harness.js';
import { vitest } from './vitest-api.js';

/**
 * The API key echoed by the embeddings endpoint in the error body's message
 * and code and in the request-id header: shown in no field, while the
 * fields themselves are kept, masked.
 */
export function embeddingSecretScenarios<Request extends RecordedRequest>(harness: EmbeddingConformanceHarness<Request>): void {
  const { it, expect } = vitest();
  const { apiKey } = harness.target;
  // Codes are masked where the wire has them; where it has none, none is made up.
  const masked = (code: string): string | undefined => (harness.target.errorCodes === false ? undefined : code);

  it('a 401 echoing the key in message, error code and request-id header shows it nowhere, and keeps code and request id masked', async () => {
    const { model, server } = await harness.start({
      status: 401,
      errorMessage: `Incorrect API key provided: ${apiKey}`,
      errorCode: `invalid_api_key:${apiKey}`,
      requestId: `req_${apiKey}`,
    });
    const error = await model.embedMany(['a fjord', 'a glacier']).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, retryable: false, code: masked('invalid_api_key:***'), requestId: 'req_***' });
    expect((error as ProviderError).message).toContain('Incorrect API key provided: ***');
    harness.expectNoSecret(error);
    expect(server.requests).toHaveLength(1);
  });

  it('the key echoed only as the error code and the request id (a plain message) shows nowhere either', async () => {
    const { model } = await harness.start({ status: 401, errorMessage: 'Unauthorized.', errorCode: apiKey, requestId: apiKey });
    const error = await model.embed('a fjord').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', status: 401, code: masked('***'), requestId: '***' });
    harness.expectNoSecret(error);
  });
}
