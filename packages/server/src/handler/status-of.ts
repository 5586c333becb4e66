import { AbortError, InputError, ProviderError, TimeoutError } from '@rivulet/core';

/**
 * The HTTP status of a failed `invoke` or `batch`: the client's fault (400),
 * the model provider's (502), too slow (504), cancelled (499, as nginx says
 * for a client that went away), anything else 500.
 */
export function statusOf(error: unknown): number {
  if (InputError.isInstance(error)) return 400;
  if (ProviderError.isInstance(error)) return 502;
  if (TimeoutError.isInstance(error)) return 504;
  if (AbortError.isInstance(error)) return 499;
  return 500;
}
