import { ProviderError, type ProviderErrorOptions } from '@rivulet/core';
import type { ErrorContext } from './error-context.js';
import { maskErrorChain, maskSecret } from './mask-secret.js';

/** Options of {@link providerError}: those of `ProviderError`, with `provider` and `requestId` taken from the context. */
export type ProviderErrorFields = Omit<ProviderErrorOptions, 'provider'>;

/**
 * A `ProviderError` whose every field a client can see (message, code,
 * request id, the cause chain) has the context's secret masked: servers echo
 * keys in odd places (a 401's `code`, a request-id header). The message is
 * prefixed with the provider's name.
 *
 * @example
 * ```ts
 * throw providerError(context, 'HTTP 401: invalid key', { status: 401, code: body.error?.code });
 * ```
 */
export function providerError(context: ErrorContext, message: string, fields: ProviderErrorFields = {}): ProviderError {
  const { secret } = context;
  const requestId = fields.requestId ?? context.requestId;
  return new ProviderError(`${context.provider}: ${maskSecret(message, secret)}`, {
    ...fields,
    provider: context.provider,
    ...(fields.code !== undefined && { code: maskSecret(fields.code, secret) }),
    ...(requestId !== undefined && { requestId: maskSecret(requestId, secret) }),
    ...(fields.cause !== undefined && { cause: maskErrorChain(fields.cause, secret) }),
  });
}
