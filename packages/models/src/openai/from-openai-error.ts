import { AbortError, ProviderError, RivuletError, isRetryableStatus } from '@rivulet/core';
import OpenAI from 'openai';

/**
 * A failure of the `openai` SDK as a Rivulet error. HTTP errors keep their
 * status, code, request id and Retry-After; transport failures are retryable;
 * the configured API key is masked wherever a message might echo it.
 */
export function fromOpenAIError(error: unknown, provider: string, secret?: string): RivuletError {
  if (RivuletError.isInstance(error)) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new AbortError('The request was aborted.', { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError(`${provider}: the request timed out.`, { provider, code: 'timeout', retryable: true, cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ProviderError(`${provider}: could not reach the API (${redact(causeMessage(error), secret)}).`, {
      provider,
      code: 'connection_error',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIError) return fromAPIError(error, provider, secret);
  if (error instanceof SyntaxError) {
    return new ProviderError(`${provider}: the stream carried an event that is not valid JSON.`, {
      provider,
      code: 'malformed_event',
      retryable: false,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  // undici reports a connection reset mid-body as `TypeError: terminated`.
  return new ProviderError(`${provider}: the connection failed (${redact(message, secret)}).`, {
    provider,
    code: 'connection_reset',
    retryable: true,
    cause: error,
  });
}

function fromAPIError(error: InstanceType<typeof OpenAI.APIError>, provider: string, secret: string | undefined): ProviderError {
  const status = error.status;
  const code = error.code ?? error.type ?? undefined;
  const body = error.error as { message?: unknown } | undefined;
  const detail = typeof body?.message === 'string' ? body.message : error.message;
  const retryAfterMs = retryAfter(error.headers);
  return new ProviderError(`${provider}: ${status === undefined ? 'error event mid-stream' : `HTTP ${status}`}: ${redact(detail, secret)}`, {
    provider,
    ...(status !== undefined && { status }),
    ...(code !== undefined && code !== null && { code }),
    ...(error.requestID && { requestId: error.requestID }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    // Out of quota answers 429 too, but waiting does not help.
    retryable: status !== undefined && isRetryableStatus(status) && code !== 'insufficient_quota',
    cause: error,
  });
}

/** The delay a response asks for: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfter(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function causeMessage(error: Error): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}

/** `text` with every occurrence of `secret` masked. */
export function redact(text: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? text.split(secret).join('***') : text;
}
