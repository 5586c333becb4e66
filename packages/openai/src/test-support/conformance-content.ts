import type { ConformanceReply } from '@rivulet/provider-utils/testing';
import type { MockReply } from '../testing/index.js';

/**
 * The content of a neutral conformance reply as the mock OpenAI server's
 * reply (text, reasoning, tool calls, finish reason, usage, pacing): the same
 * for the Chat Completions and Responses routes, which differ only in faults,
 * structured output and truncation.
 */
export function conformanceContent(reply: ConformanceReply): MockReply {
  return {
    ...(reply.text !== undefined && { text: reply.text }),
    ...(reply.reasoning !== undefined && { reasoning: reply.reasoning }),
    ...(reply.toolCalls !== undefined && { toolCalls: reply.toolCalls }),
    ...(reply.finishReason !== undefined && { finishReason: reply.finishReason }),
    ...(reply.usage !== undefined && { usage: { promptTokens: reply.usage.inputTokens, completionTokens: reply.usage.outputTokens } }),
    ...(reply.chunkSize !== undefined && { chunkSize: reply.chunkSize }),
    ...(reply.delayMs !== undefined && { delayMs: reply.delayMs }),
  };
}
