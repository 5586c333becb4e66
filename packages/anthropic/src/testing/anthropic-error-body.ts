import type { MockAnthropicError } from './mock-anthropic-faults.js';

/** Anthropic's error body, `{ type: 'error', error: { type, message }, request_id }`. */
export interface AnthropicErrorBody {
  readonly type: 'error';
  readonly error: { readonly type: string; readonly message: string };
  readonly request_id: string;
}

// Close to what api.anthropic.com sends, so error mapping is tested on realistic bodies.
const defaults: Record<number, Required<MockAnthropicError>> = {
  400: { type: 'invalid_request_error', message: 'Invalid request (mock).' },
  401: { type: 'authentication_error', message: 'invalid authentication credentials (mock)' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use this resource (mock).' },
  404: { type: 'not_found_error', message: 'Not found (mock).' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes (mock).' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your rate limit (mock).' },
  504: { type: 'timeout_error', message: 'Request timed out (mock).' },
  529: { type: 'overloaded_error', message: 'Overloaded (mock)' },
};

const serverError: Required<MockAnthropicError> = { type: 'api_error', message: 'Internal server error (mock).' };
const midStream: Required<MockAnthropicError> = { type: 'overloaded_error', message: 'Overloaded (mock)' };

/**
 * An error body, filling what `error` leaves out with defaults that fit
 * `status` (`undefined` for a mid-stream error, which reads as overloaded).
 */
export function anthropicErrorBody(status: number | undefined, error: MockAnthropicError, requestId: string): AnthropicErrorBody {
  const base = status === undefined ? midStream : (defaults[status] ?? serverError);
  return { type: 'error', error: { type: error.type ?? base.type, message: error.message ?? base.message }, request_id: requestId };
}

/** The object form of a reply's `error` (a string error counts as its message). */
export function errorObject(error: MockAnthropicError | string | undefined): MockAnthropicError {
  return typeof error === 'string' ? { message: error } : (error ?? {});
}
