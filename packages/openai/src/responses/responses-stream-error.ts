import type { ProviderError } from '@rivulet/core';
import { providerError, type ErrorContext } from '@rivulet/provider-utils';
import { openAIErrorRules } from '../chat/openai-errors.js';

/**
 * A failure the stream itself reports (an `error` event, a `response.failed`)
 * as a `ProviderError` with the server's code, retryable when the code is
 * transient (`server_error`, `rate_limit_exceeded`). `ChatModel` still retries
 * only before the first chunk.
 */
export function responsesStreamError(context: ErrorContext, message: string, code: string | undefined): ProviderError {
  return providerError(context, message, {
    ...(code !== undefined && { code }),
    retryable: code !== undefined && (openAIErrorRules.transientCodes?.includes(code) ?? false),
  });
}
