import type { ProviderError } from '@rivulet/core';
import type { ErrorContext } from './error-context.js';
import { providerError } from './provider-error-from.js';

/**
 * The stream carried an event that is not what the wire format promises (not
 * JSON, or JSON of the wrong shape): `ProviderError` code `malformed_event`,
 * not retryable, since the same request would be answered the same way.
 */
export function malformedEvent(context: ErrorContext, detail: string, cause?: unknown): ProviderError {
  return providerError(context, `the stream carried a malformed event (${detail}).`, {
    code: 'malformed_event',
    retryable: false,
    ...(cause !== undefined && { cause }),
  });
}
