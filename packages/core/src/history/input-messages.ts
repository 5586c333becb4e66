import { InputError } from '../errors/input-error.js';
import { coerceMessage, coerceMessages } from '../messages/coerce-message.js';
import type { Message } from '../messages/message.js';
import type { MessageLike, MessageTuple } from '../messages/message-like.js';

/**
 * What a history wrapper takes as the new turn: a string (one human
 * message), one message-like, or a list of them. The same as a chat model's input.
 */
export type HistoryInput = string | MessageLike | readonly MessageLike[];

/**
 * The new turn as messages. A list of exactly two strings is one
 * `[role, content]` tuple, as a chat model reads it.
 */
export function inputMessages(value: unknown, what: string): Message[] {
  if (typeof value === 'string') return [coerceMessage(value)];
  if (Array.isArray(value)) return isTuple(value) ? [coerceMessage(value)] : coerceMessages(value as MessageLike[]);
  if (typeof value === 'object' && value !== null) return [coerceMessage(value as MessageLike)];
  throw new InputError(`${what} must be a string, a message or a list of messages, got ${value === null ? 'null' : typeof value}.`);
}

function isTuple(value: readonly unknown[]): value is MessageTuple {
  return value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}
