import { sendBody, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { MockOllamaFaults } from './mock-faults.js';

/**
 * Answers with a reply's `verbatimBody`, when it has one.
 *
 * @returns true when the exchange was answered so.
 */
export function answerVerbatim(exchange: HttpExchange, reply: MockOllamaFaults, headers: Readonly<Record<string, string>>): boolean {
  if (reply.verbatimBody === undefined) return false;
  sendBody(exchange, 200, reply.verbatimBody.contentType, reply.verbatimBody.text, headers);
  return true;
}
