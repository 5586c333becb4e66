import { sendJsonWithFaults, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { MockFaults } from './mock-faults.js';
import type { CompletionPlan } from './plan-completion.js';
import { buildCompletion } from './build-completion.js';

/**
 * Answers a non-streaming request with one `chat.completion` object. A stall
 * or drop fault sends the headers first, then stalls, or sends half the body
 * and drops, so body timeouts and torn bodies can be tested too.
 */
export function writeChatCompletion(exchange: HttpExchange, plan: CompletionPlan, faults: MockFaults, headers: Readonly<Record<string, string>>): Promise<void> {
  return sendJsonWithFaults(exchange, buildCompletion(plan), faults, headers);
}
