import { isRetryableStatus, type ProviderError } from '@rivulet/core';
import { retryAfterMs } from '../http/retry-after.js';
import type { ErrorContext } from './error-context.js';
import { maskSecret } from './mask-secret.js';
import { providerError } from './provider-error-from.js';
import { parseJsonOrUndefined, readErrorBody } from './read-error-body.js';

/** How a provider's error codes bear on retrying. */
export interface HttpErrorRules {
  /** Codes worth retrying when the status does not say (a 200 with an error body, an error event). */
  readonly transientCodes?: readonly string[] | undefined;
  /** Codes never worth retrying whatever the status (OpenAI's `insufficient_quota` is a 429). */
  readonly permanentCodes?: readonly string[] | undefined;
  /** Headers that carry the request id, first found wins. Default `x-request-id`, `request-id`. */
  readonly requestIdHeaders?: readonly string[] | undefined;
}

/** The request id of a response, from the first of `headers` present. */
export function requestIdOf(response: Response, headers: readonly string[] = ['x-request-id', 'request-id']): string | undefined {
  for (const name of headers) {
    const value = response.headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/**
 * A response that is not the stream asked for, as a `ProviderError`: an HTTP
 * error status, or a 200 whose body is an error. Keeps status, code, request
 * id and Retry-After, all masked. `x-should-retry: true|false`, when present,
 * decides retrying; else the status, else `rules.transientCodes`.
 */
export async function fromHttpResponse(response: Response, context: ErrorContext, rules: HttpErrorRules = {}): Promise<ProviderError> {
  const raw = await response.text().catch(() => '');
  const info = readErrorBody(parseJsonOrUndefined(raw));
  const requestId = requestIdOf(response, rules.requestIdHeaders) ?? info.requestId;
  // Masked before it is cut: a cut could leave a prefix of the key that masking no longer finds.
  const detail = info.message ?? (maskSecret(raw.trim(), context.secret).slice(0, 200) || response.statusText || 'no error message');
  const label = response.ok ? 'the server answered a streaming request with an error body' : `HTTP ${response.status}`;
  const wait = retryAfterMs(response.headers);
  return providerError(context, `${label}: ${info.code === undefined ? '' : `${info.code}: `}${detail}`, {
    status: response.status,
    retryable: shouldRetry(response, info.code, rules),
    ...(info.code !== undefined && { code: info.code }),
    ...(requestId !== undefined && { requestId }),
    ...(wait !== undefined && { retryAfterMs: wait }),
  });
}

function shouldRetry(response: Response, code: string | undefined, rules: HttpErrorRules): boolean {
  if (code !== undefined && rules.permanentCodes?.includes(code)) return false;
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true' || hint === 'false') return hint === 'true';
  if (!response.ok) return isRetryableStatus(response.status);
  return code !== undefined && (rules.transientCodes?.includes(code) ?? false);
}
