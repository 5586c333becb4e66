import type { AIMessageChunk, AIMessageChunkJSON } from './ai-message-chunk.js';
import { describeValue, failAt, isRecord } from './invalid-message.js';
import type { Message, MessageJSON } from './message.js';
import { messageFromObject } from './message-from-object.js';

/**
 * Revives a message from its `toJSON()` shape, for example after it crossed HTTP. It reads
 * like {@link coerceMessage} reads objects (OpenAI-style fields are accepted too) and
 * validates everything, so it is safe on untrusted input. `chunk: true` gives an `AIMessageChunk`.
 *
 * @throws InputError when the JSON is not a valid message.
 *
 * @example
 * ```ts
 * const copy = messageFromJSON(JSON.parse(JSON.stringify(message)));
 * ```
 */
export function messageFromJSON(json: AIMessageChunkJSON): AIMessageChunk;
export function messageFromJSON(json: MessageJSON): Message;
export function messageFromJSON(json: MessageJSON): Message {
  const fail = failAt(undefined);
  const value: unknown = json;
  if (!isRecord(value)) return fail(`expected a { role, ... } object, got ${describeValue(value)}`);
  return messageFromObject(value, fail);
}
