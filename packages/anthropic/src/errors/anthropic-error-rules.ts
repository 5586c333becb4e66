import type { HttpErrorRules } from '@rivulet/provider-utils';

/**
 * How Anthropic's errors bear on retrying, for provider-utils' mappings: the
 * error types worth sending the same request again for (load, rate limits,
 * server faults, timeouts), which decide when the status does not (a 200 with
 * an error body, an `error` event); the request id is in `request-id`.
 */
export const anthropicErrorRules: HttpErrorRules = {
  transientCodes: ['overloaded_error', 'rate_limit_error', 'api_error', 'timeout_error'],
  requestIdHeaders: ['request-id'],
};
