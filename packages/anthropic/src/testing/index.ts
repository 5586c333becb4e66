export { startMockAnthropicServer, type MockAnthropicServer } from './start-mock-anthropic-server.js';
export type { MockAnthropicScript } from './mock-anthropic-script.js';
export type { MockAnthropicReply, MockToolUse, MockAnthropicUsage, MockStopReason } from './mock-anthropic-reply.js';
export type { MockAnthropicFaults, MockAnthropicError } from './mock-anthropic-faults.js';
export type { AnthropicRecordedRequest, AnthropicMockRequestBody } from './anthropic-request-record.js';
export type { AnthropicErrorBody } from './anthropic-error-body.js';
export { toMockAnthropicReply } from './to-mock-anthropic-reply.js';
