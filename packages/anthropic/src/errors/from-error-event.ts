import { ProviderError } from '@rivulet/core';
import { isTransientErrorType, readErrorBody } from './anthropic-error-body.js';
import { redact, type ErrorContext } from './error-context.js';

/**
 * Anthropic's mid-stream `error` event (`overloaded_error`, `api_error`, ...)
 * as a `ProviderError`. Transient types are marked retryable; `ChatModel`
 * still retries only when nothing was streamed yet, which for an error sent
 * before `message_start` is exactly right.
 */
export function fromErrorEvent(data: unknown, context: ErrorContext): ProviderError {
  const info = readErrorBody(data);
  const detail = info.message ?? (typeof data === 'string' && data.trim() !== '' ? data.trim().slice(0, 200) : 'no error message');
  const requestId = context.requestId ?? info.requestId;
  return new ProviderError(`${context.provider}: error event mid-stream: ${info.type === undefined ? '' : `${info.type}: `}${redact(detail, context)}`, {
    provider: context.provider,
    retryable: isTransientErrorType(info.type),
    ...(info.type !== undefined && { code: info.type }),
    ...(requestId !== undefined && { requestId }),
  });
}
