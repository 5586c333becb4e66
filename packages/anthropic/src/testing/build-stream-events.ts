import type { MockAnthropicFaults } from './mock-anthropic-faults.js';
import type { MessagePlan } from './plan-message.js';
import { splitText } from '@rivulet/provider-utils/testing';

/** One event of the stream: its `type` is also the SSE event name. */
export interface MockStreamEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * Every event of a streamed message, in the API's order: `message_start`
 * (input usage, a first output count of 1), one content block per thinking,
 * text and tool call (`content_block_start`, deltas, `content_block_stop`;
 * a tool's first `input_json_delta` is empty, as the API's often is), then
 * `message_delta` (stop reason, cumulative output usage) and `message_stop`.
 */
export function buildStreamEvents(plan: MessagePlan, faults: MockAnthropicFaults): MockStreamEvent[] {
  const pieces = (text: string): string[] => splitText(text, plan.chunkSize);
  const blocks: MockStreamEvent[][] = [];
  if (plan.thinking !== '') {
    const deltas = pieces(plan.thinking).map((thinking) => ({ type: 'thinking_delta', thinking }));
    blocks.push(block(blocks.length, { type: 'thinking', thinking: '', signature: '' }, [...deltas, { type: 'signature_delta', signature: 'sig_mock' }]));
  }
  if (plan.text !== '') {
    blocks.push(block(blocks.length, { type: 'text', text: '' }, pieces(plan.text).map((text) => ({ type: 'text_delta', text }))));
  }
  for (const call of plan.toolCalls) {
    const deltas = ['', ...pieces(call.input)].map((partial_json) => ({ type: 'input_json_delta', partial_json }));
    blocks.push(block(blocks.length, { type: 'tool_use', id: call.id, name: call.name, input: {} }, deltas));
  }
  return [
    messageStart(plan),
    ...blocks.flat(),
    ...(faults.omitMessageDelta
      ? []
      : [{ type: 'message_delta', delta: { stop_reason: plan.stopReason, stop_sequence: plan.stopSequence }, usage: { output_tokens: plan.outputTokens } }]),
    ...(faults.omitMessageStop ? [] : [{ type: 'message_stop' }]),
  ];
}

function messageStart(plan: MessagePlan): MockStreamEvent {
  const message = {
    id: plan.id,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: {
      input_tokens: plan.inputTokens,
      cache_creation_input_tokens: plan.cacheCreationInputTokens,
      cache_read_input_tokens: plan.cacheReadInputTokens,
      output_tokens: Math.min(1, plan.outputTokens),
    },
  };
  return { type: 'message_start', message };
}

function block(index: number, start: object, deltas: readonly object[]): MockStreamEvent[] {
  return [
    { type: 'content_block_start', index, content_block: start },
    ...deltas.map((delta) => ({ type: 'content_block_delta', index, delta })),
    { type: 'content_block_stop', index },
  ];
}
