import { coerceMessages, isMessage, type AIMessage, type FinishReason, type Message, type MessageLike } from '@rivulet/core';

/** A message part as the GenAI conventions' message JSON schemas write it. */
type GenAIPart =
  | { readonly type: 'text'; readonly content: string }
  | { readonly type: 'reasoning'; readonly content: string }
  | { readonly type: 'tool_call'; readonly id: string; readonly name: string; readonly arguments: unknown }
  | { readonly type: 'tool_call_response'; readonly id: string; readonly result: string };

/** A message of `gen_ai.input.messages` / `gen_ai.output.messages`. */
export interface GenAIMessage {
  readonly role: string;
  readonly parts: readonly GenAIPart[];
  readonly name?: string;
  readonly finish_reason?: string;
}

const roles = { system: 'system', human: 'user', ai: 'assistant', tool: 'tool' } as const;

/** A model's input as conventions messages; `undefined` when it is not messages. */
export function genAIInputMessages(input: unknown): GenAIMessage[] | undefined {
  const messages = asMessages(input);
  return messages?.map((message) => genAIMessage(message));
}

/** A model's reply as the one output message of its (only) choice. */
export function genAIOutputMessages(reply: AIMessage): GenAIMessage[] {
  return [{ ...genAIMessage(reply), finish_reason: genAIFinishReason(reply.finishReason) }];
}

/** A finish reason as the conventions spell it (`tool_call`, not `tool_calls`). */
export function genAIFinishReason(reason: FinishReason | undefined): string {
  return reason === 'tool_calls' ? 'tool_call' : (reason ?? 'stop');
}

function genAIMessage(message: Message): GenAIMessage {
  const parts: GenAIPart[] = [];
  if (message.role === 'ai' && message.reasoning) parts.push({ type: 'reasoning', content: message.reasoning });
  if (message.role === 'tool') parts.push({ type: 'tool_call_response', id: message.toolCallId, result: message.text });
  else if (message.text !== '') parts.push({ type: 'text', content: message.text });
  if (message.role === 'ai') {
    for (const call of message.toolCalls) parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.args });
  }
  return { role: roles[message.role], parts, ...(message.name !== undefined && { name: message.name }) };
}

function asMessages(input: unknown): readonly Message[] | undefined {
  if (isMessage(input)) return [input];
  try {
    if (typeof input === 'string') return coerceMessages([input]);
    // A list of two strings is one `[role, content]` tuple, as a chat model reads it.
    if (Array.isArray(input)) return coerceMessages(isTuple(input) ? [input as unknown as MessageLike] : (input as MessageLike[]));
  } catch {
    // Not messages: nothing to record as such.
  }
  return undefined;
}

function isTuple(value: readonly unknown[]): boolean {
  return value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}
