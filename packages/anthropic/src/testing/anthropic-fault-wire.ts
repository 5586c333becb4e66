import { jsonEvent, type FaultWire } from '@rivulet/provider-utils/testing';
import { anthropicErrorBody, errorObject } from './anthropic-error-body.js';
import type { MockAnthropicError } from './mock-anthropic-faults.js';

/**
 * How the mock Anthropic server encodes faults: Anthropic's error body, the
 * same body as a named `error` event mid-stream, and a malformed
 * `content_block_delta`.
 */
export const anthropicFaultWire: FaultWire<MockAnthropicError> = {
  errorBody: (status, error, requestId) => anthropicErrorBody(status, errorObject(error), requestId),
  errorEvent: (error, requestId) => jsonEvent(anthropicErrorBody(undefined, errorObject(error), requestId), 'error'),
  // Looks like the start of a real delta, so a lenient client cannot guess its way past it.
  malformedEvent: { data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"unterminated', event: 'content_block_delta' },
  wrongShapeEvent: { data: '{"foo":1}', event: 'content_block_delta' },
};
