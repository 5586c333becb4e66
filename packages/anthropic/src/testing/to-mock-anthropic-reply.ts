import { conformanceFaults, type ConformanceFinishReason, type ConformanceReply } from '@rivulet/provider-utils/testing';
import { jsonModeInstruction } from '../request/response-format.js';
import type { AnthropicRecordedRequest } from './anthropic-request-record.js';
import type { MockAnthropicReply, MockStopReason } from './mock-anthropic-reply.js';
import { contentText } from './request-text.js';

const stopReasons: Record<ConformanceFinishReason, MockStopReason> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
};

/**
 * The conformance adapter's translation: a provider-neutral reply of
 * `@rivulet/provider-utils/testing`'s conformance suite as a mock Anthropic
 * reply. The faults go through the kit's `conformanceFaults` (`message_start`
 * and the text's `content_block_start` come before the first text delta; the
 * error code is Anthropic's error `type`; Retry-After in seconds, as
 * Anthropic sends it). Structured output is answered as the forced tool's
 * input when the request forces a tool (the `jsonSchema` and `tool` methods),
 * as text when the system prompt asks for JSON (JSON mode), and with a 400
 * when the request asked for neither.
 *
 * @example
 * ```ts
 * const server = await startMockAnthropicServer(playConformanceScript(script, toMockAnthropicReply));
 * ```
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
    ...conformanceFaults(reply, {
      leadingEvents: 2,
      error: ({ message, code }) => ({ ...(message !== undefined && { message }), ...(code !== undefined && { type: code }) }),
      retryAfter: 'seconds',
    }),
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
