import type { ProviderError } from '@rivulet/core';
import type { ErrorContext } from '../errors/error-context.js';
import { fromHttpResponse, type HttpErrorRules } from '../errors/from-http-response.js';
import { maskSecret } from '../errors/mask-secret.js';
import { providerError } from '../errors/provider-error-from.js';

/**
 * Checks that a successful response is the stream asked for: its
 * content-type is one of `accepted` (e.g. `text/event-stream`). A JSON body
 * instead is the server's error, read as one; anything else (an HTML login
 * page from a proxy) is `ProviderError` code `unexpected_content_type`, not
 * retryable. Returns the body to read.
 */
export async function expectContentType(
  response: Response,
  context: ErrorContext,
  accepted: readonly string[],
  rules?: HttpErrorRules,
): Promise<ReadableStream<Uint8Array>> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (response.body && accepted.includes(type)) return response.body;
  if (type === 'application/json') throw await fromHttpResponse(response, context, rules);
  throw await unexpectedContentType(response, context, accepted);
}

async function unexpectedContentType(response: Response, context: ErrorContext, accepted: readonly string[]): Promise<ProviderError> {
  // Masked before it is cut, so no prefix of the key survives.
  const start = maskSecret((await response.text().catch(() => '')).trim(), context.secret).slice(0, 80);
  return providerError(
    context,
    `expected ${accepted.join(' or ')} but the server answered ${response.headers.get('content-type') ?? 'without a content-type'}${start ? ` (${JSON.stringify(start)})` : ''}.`,
    { status: response.status, code: 'unexpected_content_type', retryable: false },
  );
}
