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
 * repeated `n` times (the request's `n`, at least 1).
 */
export function resolveChoices(reply: MockReply, n: number): ResolvedChoice[] {
  const choices = reply.choices ?? Array.from({ length: Math.max(1, n) }, () => reply);
  return choices.map((choice, index) => {
    const toolCalls = (choice.toolCalls ?? []).map((call, callIndex) => ({
      id: call.id ?? `call_mock_${callIndex}`,
      name: call.name,
      arguments: call.arguments,
    }));
    return {
      index,
      text: choice.text ?? '',
      reasoning: choice.reasoning ?? '',
      toolCalls,
      finishReason: choice.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    };
  });
}
