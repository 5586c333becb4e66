import { InputError } from '../errors/input-error.js';
import { describeValue } from '../messages/invalid-message.js';
import { isMessage } from '../messages/is-message.js';
import type { Message, MessageJSON } from '../messages/message.js';
import { messageFromJSON } from '../messages/message-from-json.js';

/**
 * A message as a store keeps it: its JSON text. Storing text rather than the
 * object means a caller can never change what was stored, and a message that
 * would not survive a shared store (Redis) fails here too, not only in production.
 */
export function toStoredMessage(message: unknown, index: number): string {
  if (!isMessage(message)) throw new InputError(`Message ${index} to store is not a message: got ${describeValue(message)}.`);
  return JSON.stringify(message);
}

/** A stored message, revived as a fresh instance. */
export function fromStoredMessage(text: string): Message {
  return messageFromJSON(JSON.parse(text) as MessageJSON);
}
