import { AbortError, InputError, isRetryableStatus, RivuletError } from '@rivulet/core';
import { type ErrorContext, fromTransportError, malformedEvent, maskSecret, providerError } from '@rivulet/provider-utils';

/**
 * Where a call failed: while the SDK built the request (nothing was sent),
 * while connecting, or while reading the stream.
 */
export type GooglePhase = 'build' | 'connect' | 'stream';

/**
 * Any failure of a call through `@google/genai` as a Rivulet error, every
 * field masked. Rivulet errors (thrown by the response tap or the chunk
 * reader) pass through; an aborted signal is an `AbortError`; the SDK
 * refusing a request before sending it (a field the Gemini API does not take)
 * is an `InputError`; an SDK `ApiError` keeps its status; anything else is a
 * retryable transport failure.
 */
export function fromGoogleError(error: unknown, context: ErrorContext, signal: AbortSignal, phase: GooglePhase): RivuletError {
  if (RivuletError.isInstance(error)) return error;
  if (signal.aborted) return new AbortError('The request was aborted.', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  if (phase === 'build') return new InputError(`${context.provider}: the SDK refused the request: ${maskSecret(message, context.secret)}`);
  const status = (error as { status?: unknown } | null)?.status;
  if (error instanceof Error && error.name === 'ApiError' && typeof status === 'number') {
    return providerError(context, `HTTP ${status}: ${message}`, { status, retryable: isRetryableStatus(status), cause: error });
  }
  // The SDK parses a JSON body itself: a body that is not JSON fails there as a SyntaxError.
  if (phase === 'stream' && error instanceof SyntaxError) return malformedEvent(context, 'a body that is not JSON');
  return fromTransportError(error, context, signal, phase);
}
