import { faultHeaders, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { MockAnthropicFaults } from './mock-anthropic-faults.js';

/** The response headers of a reply: the fault schedule's, plus Anthropic's `x-should-retry`. */
export function replyHeaders(reply: MockAnthropicFaults, exchange: HttpExchange): Record<string, string> {
  return {
    ...faultHeaders(reply, exchange),
    ...(reply.shouldRetry !== undefined && { 'x-should-retry': String(reply.shouldRetry) }),
  };
}
