import { jsonEvent, type FaultWire } from '@rivulet/provider-utils/testing';
import type { MockErrorBody } from './mock-faults.js';
import { errorObject, openAIErrorBody } from './openai-error-body.js';

/** How the mock OpenAI server encodes faults: OpenAI's error body, also as the mid-stream error event. */
export const openAIFaultWire: FaultWire<MockErrorBody> = {
  errorBody: (status, error) => openAIErrorBody(status, errorObject(error)),
  errorEvent: (error) => jsonEvent(openAIErrorBody(undefined, errorObject(error))),
  // Looks like the start of a real chunk, so a lenient client cannot guess its way past it.
  malformedEvent: { data: '{"id":"chatcmpl-mock","object":"chat.completion.chunk","choices":[{"delta":{"content":"unterminated' },
};
