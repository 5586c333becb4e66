import { isRetryableStatus, ProviderError } from '@rivulet/core';
import { isTransientErrorType, readErrorBody } from './anthropic-error-body.js';
import { redact, type ErrorContext } from './error-context.js';
import { retryAfterMs } from './retry-after.js';

/**
 * A response that is not a stream as a `ProviderError`: an HTTP error status,
 * or a 200 with a JSON body where events were expected. Keeps status, error
 * type (as `code`), request id and Retry-After. Anthropic's `x-should-retry`
 * header, when present, overrides the guess from the status.
 */
export async function fromHttpResponse(response: Response, context: ErrorContext): Promise<ProviderError> {
  const raw = await response.text().catch(() => '');
  const info = readErrorBody(parseJson(raw));
  const requestId = response.headers.get('request-id') ?? info.requestId;
  const status = response.status;
  const detail = info.message ?? (raw.trim().slice(0, 200) || response.statusText || 'no error message');
  const label = response.ok ? 'the server answered a streaming request with JSON' : `HTTP ${status}`;
  const wait = retryAfterMs(response.headers);
  return new ProviderError(`${context.provider}: ${label}: ${info.type === undefined ? '' : `${info.type}: `}${redact(detail, context)}`, {
    provider: context.provider,
    status,
    retryable: shouldRetry(response, info.type),
    ...(info.type !== undefined && { code: info.type }),
    ...(requestId !== null && requestId !== undefined && { requestId }),
    ...(wait !== undefined && { retryAfterMs: wait }),
  });
}

function shouldRetry(response: Response, type: string | undefined): boolean {
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true' || hint === 'false') return hint === 'true';
  return response.ok ? isTransientErrorType(type) : isRetryableStatus(response.status);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
