import type { ProviderError } from '@rivulet/core';
import { maskSecret, providerError, readErrorBody, type ErrorContext } from '@rivulet/provider-utils';
import { anthropicErrorRules } from './anthropic-error-rules.js';

/**
 * Anthropic's mid-stream `error` event (`overloaded_error`, `api_error`, ...)
 * as a `ProviderError`, every field masked. Transient types are retryable;
 * `ChatModel` still retries only when nothing was streamed yet, which for an
 * error sent before `message_start` is exactly right.
 */
export function fromErrorEvent(data: unknown, context: ErrorContext): ProviderError {
  const info = readErrorBody(data);
  // Masked before it is cut, so a cut cannot leave part of the key.
  const detail = info.message ?? (typeof data === 'string' && data.trim() !== '' ? maskSecret(data.trim(), context.secret).slice(0, 200) : 'no error message');
  const requestId = context.requestId ?? info.requestId;
  return providerError(context, `error event mid-stream: ${info.code === undefined ? '' : `${info.code}: `}${detail}`, {
    retryable: info.code !== undefined && (anthropicErrorRules.transientCodes?.includes(info.code) ?? false),
    ...(info.code !== undefined && { code: info.code }),
    ...(requestId !== undefined && { requestId }),
  });
}
