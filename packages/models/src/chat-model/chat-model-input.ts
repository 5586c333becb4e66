import { coerceMessages, InputError, isMessage, type Message, type MessageLike } from '@rivulet/core';

/**
 * What a chat model accepts: a string (one human message), one message-like,
 * or a list of them (message instances, `{ role, content }` objects,
 * `['human', text]` tuples), e.g. a chat prompt's output.
 */
export type ChatModelInput = string | MessageLike | readonly MessageLike[];

/** The input as messages; `InputError` for anything that is not one. */
export function toMessages(input: ChatModelInput): Message[] {
  if (typeof input === 'string') return coerceMessages([input]);
  if (Array.isArray(input) && !isTuple(input)) return coerceMessages(input as readonly MessageLike[]);
  if (isMessage(input) || typeof input === 'object') return coerceMessages([input as MessageLike]);
  throw new InputError(`A chat model takes a string, a message or a list of messages, got ${typeof input}.`);
}

/** `['human', 'hi']` is one message, not a list of two. */
function isTuple(value: readonly unknown[]): boolean {
  return value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}
