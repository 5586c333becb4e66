import { AbortError, isRetryableStatus, RivuletError } from '@rivulet/core';
import { fromTransportError, providerError, retryAfterMs, type ErrorContext, type HttpErrorRules } from '@rivulet/provider-utils';
import OpenAI from 'openai';

/** OpenAI's codes that decide retrying whatever the status says. */
export const openAIErrorRules: HttpErrorRules = {
  // Out of quota answers 429 too, but waiting does not help.
  permanentCodes: ['insufficient_quota'],
  transientCodes: ['server_error', 'rate_limit_exceeded', 'overloaded'],
};

/**
 * A failure of the `openai` SDK (or of reading its response) as a Rivulet
 * error, every field masked: HTTP errors keep status, code, request id and
 * Retry-After; transport failures are retryable `connection_error` (before
 * the response) or `connection_reset` (mid-stream).
 */
export function fromOpenAIError(error: unknown, context: ErrorContext, signal: AbortSignal, phase: 'connect' | 'stream'): RivuletError {
  if (RivuletError.isInstance(error)) return error;
  if (error instanceof OpenAI.APIUserAbortError || signal.aborted) return new AbortError('The request was aborted.', { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return providerError(context, 'the request timed out.', { code: 'timeout', retryable: true, cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) return fromTransportError(error.cause ?? error, context, signal, 'connect');
  if (error instanceof OpenAI.APIError) return fromAPIError(error, context);
  return fromTransportError(error, context, signal, phase);
}

function fromAPIError(error: InstanceType<typeof OpenAI.APIError>, context: ErrorContext): RivuletError {
  const status = error.status;
  const code = (error.code ?? error.type ?? undefined) || undefined;
  const body = error.error as { message?: unknown } | undefined;
  const detail = typeof body?.message === 'string' ? body.message : error.message;
  const wait = error.headers === undefined ? undefined : retryAfterMs(error.headers);
  const permanent = code !== undefined && (openAIErrorRules.permanentCodes?.includes(code) ?? false);
  return providerError(context, `HTTP ${status}: ${detail}`, {
    status,
    ...(code !== undefined && { code }),
    ...(error.requestID && { requestId: error.requestID }),
    ...(wait !== undefined && { retryAfterMs: wait }),
    retryable: !permanent && status !== undefined && isRetryableStatus(status),
    cause: error,
  });
}
