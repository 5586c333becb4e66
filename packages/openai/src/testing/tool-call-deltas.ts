import type { ChoiceStep } from './wire-types.js';
import type { ResolvedToolCall } from './resolve-choices.js';
import { splitText } from '@rivulet/provider-utils/testing';

/** How tool calls are streamed; see `MockReply.toolCallStyle`. */
export interface ToolCallDeltaOptions {
  readonly chunkSize: number;
  readonly style: 'openai' | 'ollama';
  readonly contentNull: boolean;
}

/**
 * The deltas that stream tool calls. OpenAI style: a header delta per call
 * (index, id, name, empty arguments) then argument fragments carrying only the
 * index. Ollama style: each call whole in one delta, all at index 0.
 */
export function toolCallDeltas(calls: readonly ResolvedToolCall[], options: ToolCallDeltaOptions): ChoiceStep[] {
  const content = options.contentNull ? { content: null } : {};
  const step = (toolCall: ToolCallDelta): ChoiceStep => ({
    delta: { ...content, tool_calls: [toolCall] },
    finish_reason: null,
  });
  return calls.flatMap((call, index) => {
    if (options.style === 'ollama') {
      return [step({ index: 0, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })];
    }
    const header = step({ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } });
    const fragments = splitText(call.arguments, options.chunkSize);
    return [header, ...fragments.map((fragment) => step({ index, function: { arguments: fragment } }))];
  });
}

type ToolCallDelta = NonNullable<ChoiceStep['delta']['tool_calls']>[number];
