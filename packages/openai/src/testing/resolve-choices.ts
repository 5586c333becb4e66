import type { MockFinishReason, MockReply } from './mock-reply.js';

/** A tool call with its id settled. */
export interface ResolvedToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** One choice with every default applied, shared by streamed and full responses. */
export interface ResolvedChoice {
  readonly index: number;
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: readonly ResolvedToolCall[];
  readonly finishReason: MockFinishReason;
}

/**
 * The choices a reply answers with: its `choices`, or its top-level choice
 * repeated `n` times (the request's `n`, at least 1). A call without a
 * scripted id gets `call_mock_<request index>_<n>`, `n` counting the
 * response's calls across choices: ids never repeat on one server, as a
 * real provider's do not, so a multi-turn test cannot pass on colliding ids.
 */
export function resolveChoices(reply: MockReply, n: number, requestIndex: number): ResolvedChoice[] {
  const choices = reply.choices ?? Array.from({ length: Math.max(1, n) }, () => reply);
  let position = 0;
  return choices.map((choice, index) => {
    const toolCalls = (choice.toolCalls ?? []).map((call) => {
      const id = call.id ?? `call_mock_${requestIndex}_${position}`;
      position += 1;
      return { id, name: call.name, arguments: call.arguments };
    });
    return {
      index,
      text: choice.text ?? '',
      reasoning: choice.reasoning ?? '',
      toolCalls,
      finishReason: choice.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    };
  });
}
