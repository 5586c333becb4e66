import { isJsonObject } from '../json/shape-checks.js';

/** What an error body says, read without trusting its shape. */
export interface ErrorBodyInfo {
  readonly message: string | undefined;
  /** The provider's error code or type, e.g. `rate_limit_exceeded`, `overloaded_error`, `RESOURCE_EXHAUSTED`. */
  readonly code: string | undefined;
  readonly requestId: string | undefined;
}

/**
 * Reads the error bodies providers send: `{ error: { message, code, type } }`
 * (OpenAI), `{ type: 'error', error: { type, message }, request_id }`
 * (Anthropic), `{ error: { code: 400, message, status } }` (Google),
 * `{ error: 'message' }` (Ollama). Anything else gives `undefined` fields.
 */
export function readErrorBody(value: unknown): ErrorBodyInfo {
  const body = isJsonObject(value) ? value : {};
  const nested = body['error'];
  if (typeof nested === 'string') return { message: text(nested), code: undefined, requestId: text(body['request_id']) };
  const error = isJsonObject(nested) ? nested : {};
  return {
    message: text(error['message']),
    code: text(error['code']) ?? text(error['type']) ?? text(error['status']),
    requestId: text(body['request_id']),
  };
}

/** `text` as JSON, or `undefined` when it is not JSON. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}


function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
