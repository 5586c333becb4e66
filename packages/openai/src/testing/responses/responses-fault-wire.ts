import { jsonEvent, type FaultWire } from '@rivulet/provider-utils/testing';
import { errorObject } from '../openai-error-body.js';
import type { MockErrorBody } from '../mock-faults.js';
import { openAIFaultWire } from '../openai-fault-wire.js';

/**
 * How the Responses route encodes faults: OpenAI's error body for statuses,
 * and mid-stream OpenAI's `error` event (`event: error`, with `code`,
 * `message`, `param` and the `sequence_number` it takes in the stream).
 */
export function responsesFaultWire(errorSequenceNumber: number): FaultWire<MockErrorBody> {
  return {
    errorBody: openAIFaultWire.errorBody,
    errorEvent: (error) => {
      const { message, code, type } = errorObject(error);
      const event = {
        type: 'error',
        code: code ?? type ?? 'server_error',
        message: message ?? 'The server had an error while processing your request (mock).',
        param: null,
        sequence_number: errorSequenceNumber,
      };
      return jsonEvent(event, 'error');
    },
    // Looks like the start of a real event, so a lenient client cannot guess its way past it.
    malformedEvent: { event: 'response.output_text.delta', data: '{"type":"response.output_text.delta","delta":"unterminated' },
  };
}
