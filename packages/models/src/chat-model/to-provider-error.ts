import { ProviderError, RivuletError } from '@rivulet/core';

/**
 * Any failure of a provider as a Rivulet error: Rivulet errors pass through,
 * anything else (a bug, a raw network error) becomes a retryable
 * `ProviderError` that keeps the original as `cause`.
 */
export function toProviderError(error: unknown, provider: string): RivuletError {
  if (RivuletError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(`${provider}: ${message}`, { provider, retryable: true, cause: error });
}
