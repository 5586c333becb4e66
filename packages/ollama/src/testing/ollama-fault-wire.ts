import { jsonEvent, type FaultWire } from '@rivulet/provider-utils/testing';
import type { MockOllamaError } from './mock-faults.js';

const defaultMessages: Readonly<Record<number, string>> = {
  400: 'invalid request (mock)',
  401: 'unauthorized',
  404: 'model not found, try pulling it first (mock)',
  429: 'too many requests (mock)',
  500: 'an internal error occurred (mock)',
  503: 'server busy, please try again (mock)',
};

/** The message of an error, with a default fitting the status. */
function messageOf(error: MockOllamaError | string | undefined, status: number | undefined): string {
  if (typeof error === 'string') return error;
  return error?.message ?? (status === undefined ? undefined : defaultMessages[status]) ?? 'an error was encountered while running the model (mock)';
}

/** How the mock Ollama server encodes faults: `{"error": "<message>"}` as the body and as the error line. */
export const ollamaFaultWire: FaultWire<MockOllamaError> = {
  errorBody: (status, error) => ({ error: messageOf(error, status) }),
  errorEvent: (error) => jsonEvent({ error: messageOf(error, undefined) }),
  // Looks like the start of a real line, so a lenient client cannot guess its way past it.
  malformedEvent: { data: '{"model":"mock","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"unterminated' },
};
