import { AbortError, ProviderError, RivuletError } from '@rivulet/core';
import { RemoteError } from '../client/remote-error.js';
import { reviveError } from './revive-error.js';

/**
 * Any failure of a remote run as a Rivulet error: what the server reported,
 * revived by name; a cancelled fetch as `AbortError`; an unreachable server
 * or a malformed answer as a retryable `ProviderError` (provider `remote`).
 */
export function toRemoteError(error: unknown, url: string): RivuletError {
  if (RivuletError.isInstance(error)) return error;
  if (RemoteError.isInstance(error)) {
    const revived = reviveError(error.data, error.status);
    // A client-side failure may have a cause (a resumed run's 404): keep it, revived too.
    if (error.cause !== undefined) Object.defineProperty(revived, 'cause', { value: toRemoteError(error.cause, url), configurable: true, writable: true });
    return revived;
  }
  if (error instanceof Error && error.name === 'AbortError') return new AbortError('The remote run was aborted.', { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderError(`The remote runnable at ${url} failed: ${detail}`, { provider: 'remote', retryable: true, cause: error });
}
