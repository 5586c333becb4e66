import type { AnthropicRecordedRequest } from './anthropic-request-record.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';
import { promptText } from './request-text.js';

/** A tool call with its id settled. */
export interface PlannedToolUse {
  readonly id: string;
  readonly name: string;
  readonly input: string;
}

/** Everything needed to write one message, streamed or whole, with defaults applied. */
export interface MessagePlan {
  readonly id: string;
  readonly model: string;
  readonly thinking: string;
  readonly text: string;
  readonly toolCalls: readonly PlannedToolUse[];
  readonly stopReason: string;
  readonly stopSequence: string | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadInputTokens: number;
  readonly cacheCreationInputTokens: number;
  readonly chunkSize: number;
}

/** Applies a reply's defaults against the request it answers. */
export function planMessage(reply: MockAnthropicReply, request: AnthropicRecordedRequest): MessagePlan {
  const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({ id: call.id ?? `toolu_mock_${request.index}_${index}`, name: call.name, input: call.input }));
  const thinking = reply.thinking ?? '';
  const text = reply.text ?? '';
  const written = thinking + text + toolCalls.map((call) => call.name + call.input).join('');
  const usage = reply.usage ?? {};
  return {
    id: reply.id ?? `msg_mock${request.index}`,
    model: reply.model ?? request.body?.model ?? 'claude-mock',
    thinking,
    text,
    toolCalls,
    stopReason: reply.stopReason ?? (toolCalls.length > 0 ? 'tool_use' : 'end_turn'),
    stopSequence: reply.stopSequence ?? null,
    // About four characters a token: plausible without a tokenizer. Tests should assert scripted usage.
    inputTokens: usage.inputTokens ?? Math.ceil(promptText(request.body).length / 4),
    outputTokens: usage.outputTokens ?? Math.max(1, Math.ceil(written.length / 4)),
    cacheReadInputTokens: usage.cacheReadInputTokens ?? 0,
    cacheCreationInputTokens: usage.cacheCreationInputTokens ?? 0,
    chunkSize: reply.chunkSize ?? 4,
  };
}
