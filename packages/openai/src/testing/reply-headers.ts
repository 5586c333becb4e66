import type { MockFaults } from './mock-faults.js';

/** The extra response headers of a reply: its `headers` plus the retry hints. */
export function replyHeaders(reply: MockFaults): Record<string, string> {
  return {
    ...reply.headers,
    ...(reply.retryAfter === undefined ? {} : { 'retry-after': String(reply.retryAfter) }),
    ...(reply.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(reply.retryAfterMs) }),
  };
}
