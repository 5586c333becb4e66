import { jsonEvent, type FaultWire } from '@rivulet/provider-utils/testing';
import { googleErrorBody } from './google-error-body.js';
import type { MockErrorBody } from './mock-faults.js';

/**
 * How the mock Gemini server encodes the kit's faults: Google's error body
 * (with a `RetryInfo` for `retryDelay`), also as the event a failing stream
 * ends with; a 200 error body says `500 INTERNAL`, the usual mid-stream failure.
 */
export function googleFaultWire(retryDelay: string | undefined): FaultWire<MockErrorBody> {
  return {
    errorBody: (status, error) => googleErrorBody(status ?? 500, errorObject(error), status === undefined ? undefined : retryDelay),
    errorEvent: (error) => jsonEvent(googleErrorBody(500, errorObject(error))),
    // Looks like the start of a real chunk, so a lenient client cannot guess its way past it.
    malformedEvent: { data: '{"candidates":[{"content":{"parts":[{"text":"unterminated' },
  };
}

function errorObject(error: MockErrorBody | string | undefined): MockErrorBody {
  return typeof error === 'string' ? { message: error } : (error ?? {});
}
