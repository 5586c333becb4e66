import { RemoteError } from '@rivulet/server/client';

/**
 * Any failure of a run as the client's typed error: what the server reported
 * (or a value the hook could not fold) as it is, and a network failure (the
 * server unreachable, the connection refused) as a retryable `ProviderError`,
 * as `RemoteRunnable` reports it.
 */
export function toRunError(error: unknown, url: string): RemoteError {
  if (RemoteError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new RemoteError({ name: 'ProviderError', message: `The runnable at ${url} could not be reached: ${detail}`, provider: 'remote', retryable: true });
}
