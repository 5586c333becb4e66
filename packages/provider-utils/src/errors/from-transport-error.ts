import { AbortError, RivuletError } from '@rivulet/core';
import type { ErrorContext } from './error-context.js';
import { providerError } from './provider-error-from.js';

/** Where the transport failed: reaching the API, or reading a stream already under way. */
export type TransportPhase = 'connect' | 'stream';

/**
 * Any failure while sending or reading, as a Rivulet error. Rivulet errors
 * pass through; an abort of `signal` is an `AbortError`; anything else is a
 * retryable `ProviderError`: `connection_error` before the response,
 * `connection_reset` during the stream (undici reports a torn body as
 * `TypeError: terminated`; a caller should never have to know that).
 */
export function fromTransportError(error: unknown, context: ErrorContext, signal: AbortSignal, phase: TransportPhase): RivuletError {
  if (RivuletError.isInstance(error)) return error;
  if (signal.aborted) return new AbortError('The request was aborted.', { cause: error });
  const what = phase === 'connect' ? 'could not reach the API' : 'the connection broke mid-stream';
  return providerError(context, `${what} (${describe(error)}).`, {
    code: phase === 'connect' ? 'connection_error' : 'connection_reset',
    retryable: true,
    cause: error,
  });
}

/** The message of an error and of its cause, where undici keeps the useful part. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
