import type { ProviderError } from '@rivulet/core';
import { fromHttpResponse, retryAfterMs, type ErrorContext } from '@rivulet/provider-utils';
import { googleErrorRules } from './google-error-rules.js';
import { retryDelayMs } from './retry-delay.js';

/**
 * An HTTP error response of Google's API as a `ProviderError`, by the shared
 * rules (status, `error.status` as the code, request id, masking). Google
 * says how long to wait in the body (`google.rpc.RetryInfo.retryDelay`, e.g.
 * `"27s"`) rather than in a Retry-After header: that delay is handed to the
 * shared rules as the header they read, unless a header says otherwise.
 */
export async function googleHttpError(response: Response, context: ErrorContext): Promise<ProviderError> {
  const raw = await response.text().catch(() => '');
  const headers = new Headers(response.headers);
  const delay = retryAfterMs(headers) === undefined ? retryDelayMs(raw) : undefined;
  if (delay !== undefined) headers.set('retry-after-ms', String(delay));
  const copy = new Response(raw, { status: response.status, statusText: response.statusText, headers });
  return fromHttpResponse(copy, context, googleErrorRules);
}
