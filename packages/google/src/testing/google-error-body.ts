import type { MockErrorBody } from './mock-faults.js';

const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/**
 * A Google API error body, `{ error: { code, message, status, details? } }`,
 * with the `google.rpc.Code` name and a message fitting the HTTP status
 * unless `error` says otherwise, and a `RetryInfo` detail for `retryDelay`.
 */
export function googleErrorBody(code: number, error: MockErrorBody = {}, retryDelay?: string): { readonly error: Record<string, unknown> } {
  const details = [
    ...(error.details ?? []),
    ...(retryDelay === undefined ? [] : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }]),
  ];
  return {
    error: {
      code,
      message: error.message ?? `The mock Gemini server answered ${code}.`,
      status: error.status ?? STATUS_NAMES[code] ?? (code >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION'),
      ...(details.length > 0 && { details }),
    },
  };
}
