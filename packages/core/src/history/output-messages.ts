import { InputError } from '../errors/input-error.js';
import { AIMessage } from '../messages/ai-message.js';
import { isAIMessageChunk, type AIMessageChunk } from '../messages/ai-message-chunk.js';
import { describeValue } from '../messages/invalid-message.js';
import { isMessage } from '../messages/is-message.js';
import type { Message } from '../messages/message.js';

/**
 * The messages a run's output adds to the history:
 * - a message as it is, a streamed `AIMessageChunk` aggregate as an `AIMessage`
 *   (text, tool calls, usage, finish reason and metadata kept);
 * - a string (a text parser's output) as an `AIMessage` with that text;
 * - a list of messages, or an object with a `messages` list (an agent's
 *   result), as those messages.
 * Anything else (a number, a parsed object) cannot be told apart from data:
 * `InputError`, and nothing is stored.
 */
export function outputMessages(output: unknown): Message[] {
  if (typeof output === 'string') return [new AIMessage(output)];
  if (isMessage(output)) return [settled(output)];
  const list = Array.isArray(output) ? output : messagesField(output);
  if (list !== undefined && isMessageList(list)) return list.map(settled);
  throw new InputError(
    `withMessageHistory cannot store an output that is ${output === undefined ? 'empty' : describeValue(output)}: ` +
      'the runnable must output a message, a string, a list of messages or an object with a "messages" list. ' +
      'Wrap the part that outputs a message (e.g. the prompt and model), and parse after it.',
  );
}

function isMessageList(list: readonly unknown[]): list is readonly Message[] {
  return list.every(isMessage);
}

function messagesField(output: unknown): readonly unknown[] | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const messages: unknown = (output as { messages?: unknown }).messages;
  return Array.isArray(messages) ? messages : undefined;
}

/** A streamed reply as the complete message it became; other messages as they are. */
function settled(message: Message): Message {
  return isAIMessageChunk(message) ? completeMessage(message) : message;
}

function completeMessage(chunk: AIMessageChunk): AIMessage {
  return new AIMessage({
    content: chunk.content,
    name: chunk.name,
    id: chunk.id,
    toolCalls: chunk.toolCalls,
    invalidToolCalls: chunk.invalidToolCalls,
    usage: chunk.usage,
    responseMetadata: chunk.responseMetadata,
    finishReason: chunk.finishReason,
    reasoning: chunk.reasoning,
  });
}
