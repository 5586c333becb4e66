import type { HttpExchange } from '../mock-server/http-exchange.js';
import { sendBody, sendJson } from '../mock-server/send-body.js';
import type { MockFaults } from './mock-faults.js';
import { openAIErrorBody } from './openai-error-body.js';

/** Answers with a reply's error status: an OpenAI error body, or its string error as plain text. */
export function sendStatusError(
  exchange: HttpExchange,
  status: number,
  reply: MockFaults,
  headers: Readonly<Record<string, string>>,
): void {
  if (typeof reply.error === 'string') {
    sendBody(exchange, status, 'text/plain; charset=utf-8', reply.error, headers);
    return;
  }
  sendJson(exchange, status, openAIErrorBody(status, reply.error), headers);
}
