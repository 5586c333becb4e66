import type { MessagePlan } from './plan-message.js';

/** A whole `message` object, the answer to a request without `stream: true`. */
export function buildMessage(plan: MessagePlan): Record<string, unknown> {
  const content = [
    ...(plan.thinking === '' ? [] : [{ type: 'thinking', thinking: plan.thinking, signature: 'sig_mock' }]),
    ...(plan.text === '' ? [] : [{ type: 'text', text: plan.text, citations: null }]),
    ...plan.toolCalls.map((call) => ({ type: 'tool_use', id: call.id, name: call.name, input: parseInput(call.input) })),
  ];
  return {
    id: plan.id,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content,
    stop_reason: plan.stopReason,
    stop_sequence: plan.stopSequence,
    usage: {
      input_tokens: plan.inputTokens,
      cache_creation_input_tokens: plan.cacheCreationInputTokens,
      cache_read_input_tokens: plan.cacheReadInputTokens,
      output_tokens: plan.outputTokens,
    },
  };
}

/** A scripted input that is not JSON (to test a client's handling) is sent as a string. */
function parseInput(input: string): unknown {
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}
