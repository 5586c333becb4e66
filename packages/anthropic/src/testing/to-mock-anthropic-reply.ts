import type { ConformanceFinishReason, ConformanceReply } from '@rivulet/models/testing';
import type { AnthropicRecordedRequest } from './anthropic-request-record.js';
import { contentText } from './request-text.js';
import { jsonModeInstruction } from '../request/response-format.js';
import type { MockAnthropicReply, MockStopReason } from './mock-anthropic-reply.js';

const stopReasons: Record<ConformanceFinishReason, MockStopReason> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
};

/** `message_start` and the text's `content_block_start` come before the first text delta. */
const wire = (chunks: number): number => chunks + 2;

/**
 * The conformance adapter's translation: a provider-neutral reply of
 * `@rivulet/models/testing`'s conformance suite as a mock Anthropic reply.
 * Structured output is answered as the forced tool's input when the request
 * forces a tool (the `jsonSchema` and `tool` methods), as text when the
 * system prompt asks for JSON (JSON mode), and with a 400 when the request
 * asked for neither. Retry-After goes out in seconds, as Anthropic sends it.
 */
export function toMockAnthropicReply(reply: ConformanceReply, request: AnthropicRecordedRequest): MockAnthropicReply {
  const structured = reply.structured === undefined ? {} : structuredReply(reply.structured, request);
  return {
    ...(reply.text !== undefined && { text: reply.text }),
    ...(reply.reasoning !== undefined && { thinking: reply.reasoning }),
    ...(reply.toolCalls !== undefined && { toolCalls: reply.toolCalls.map(({ id, name, arguments: input }) => ({ id, name, input })) }),
    ...structured,
    ...(reply.finishReason !== undefined && { stopReason: stopReasons[reply.finishReason] }),
    ...(reply.usage !== undefined && { usage: reply.usage }),
    ...(reply.chunkSize !== undefined && { chunkSize: reply.chunkSize }),
    ...(reply.delayMs !== undefined && { delayMs: reply.delayMs }),
    ...(reply.status !== undefined && { status: reply.status }),
    ...(reply.retryAfterMs !== undefined && { retryAfter: reply.retryAfterMs / 1000 }),
    ...(reply.errorMessage !== undefined && { error: { message: reply.errorMessage } }),
    ...(reply.headersDelayMs !== undefined && { headersDelayMs: reply.headersDelayMs }),
    ...(reply.stallAfterChunks !== undefined && { stallAfterEvents: wire(reply.stallAfterChunks) }),
    ...(reply.dropAfterChunks !== undefined && { dropAfterEvents: wire(reply.dropAfterChunks) }),
    ...(reply.errorEventAfterChunks !== undefined && { errorEventAfterEvents: wire(reply.errorEventAfterChunks) }),
    ...(reply.malformedAfterChunks !== undefined && { malformedAfterEvents: wire(reply.malformedAfterChunks) }),
    ...(reply.truncate === true && { omitMessageDelta: true, omitMessageStop: true }),
  };
}

/** Structured output as the request asked for it; a 400 when it asked for none, so a lost request field fails the suite. */
function structuredReply(json: string, request: AnthropicRecordedRequest): MockAnthropicReply {
  const choice = request.body?.tool_choice;
  if (choice?.type === 'tool') return { toolCalls: [{ id: 'toolu_structured', name: choice.name, input: json }] };
  if (contentText(request.body?.system).includes(jsonModeInstruction)) return { text: json };
  return { status: 400, error: { message: 'conformance: the request asked for no structured output (mock)' } };
}
