/** The useful fields of Anthropic's error body `{ type: 'error', error: { type, message }, request_id }`. */
export interface AnthropicErrorInfo {
  /** Anthropic's error type, e.g. `overloaded_error`; Rivulet's error `code`. */
  readonly type: string | undefined;
  readonly message: string | undefined;
  readonly requestId: string | undefined;
}

/** Reads an error body (or an `error` event's data) without trusting its shape. */
export function readErrorBody(value: unknown): AnthropicErrorInfo {
  const body = isRecord(value) ? value : {};
  const error = isRecord(body['error']) ? body['error'] : {};
  return { type: text(error['type']), message: text(error['message']), requestId: text(body['request_id']) };
}

/** Error types worth sending the same request again for: load, rate limits, server faults. */
export function isTransientErrorType(type: string | undefined): boolean {
  return type === 'overloaded_error' || type === 'rate_limit_error' || type === 'api_error' || type === 'timeout_error';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
