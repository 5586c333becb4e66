import type { MockErrorBody } from './mock-faults.js';

/** OpenAI's error body: `{ "error": { message, type, param, code } }`. */
export interface OpenAIErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

type ErrorDefaults = Required<Pick<MockErrorBody, 'message' | 'type'>> & { code: string | null };

// Close to what api.openai.com sends, so error mapping is tested on realistic bodies.
const defaults: Record<number, ErrorDefaults> = {
  400: { message: 'Invalid request (mock).', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided (mock).', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'You are not allowed to use this model (mock).', type: 'invalid_request_error', code: null },
  404: { message: 'The model does not exist (mock).', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached (mock).', type: 'requests', code: 'rate_limit_exceeded' },
};

const serverError: ErrorDefaults = {
  message: 'The server had an error while processing your request (mock).',
  type: 'server_error',
  code: null,
};

/**
 * Builds an error body, filling what `error` leaves out with defaults that
 * fit `status` (`undefined` for a mid-stream error, which reads as a server error).
 */
export function openAIErrorBody(status: number | undefined, error: MockErrorBody = {}): OpenAIErrorBody {
  const base = (status === undefined ? undefined : defaults[status]) ?? serverError;
  return {
    error: {
      message: error.message ?? base.message,
      type: error.type ?? base.type,
      param: error.param ?? null,
      code: error.code === undefined ? base.code : error.code,
    },
  };
}

/** The object form of a reply's `error` (a string error counts as its message). */
export function errorObject(error: MockErrorBody | string | undefined): MockErrorBody {
  return typeof error === 'string' ? { message: error } : (error ?? {});
}
