import { InputError } from '../errors/input-error.js';
import { describeValue } from '../messages/invalid-message.js';
import { isMessage } from '../messages/is-message.js';
import type { Message, MessageJSON } from '../messages/message.js';
import { messageFromJSON } from '../messages/message-from-json.js';

/**
 * Messages as a store keeps them: the JSON text of each. Storing text rather
 * than the objects means a caller can never change what was stored, and a
 * message that would not survive a shared store (Redis) fails in memory too,
 * not only in production. Every message is converted before a store keeps
 * any, so one that is not a message (`InputError`, naming its index) leaves
 * the session as it was.
 *
 * @example
 * ```ts
 * async addMessages(sessionId: string, messages: readonly Message[]): Promise<void> {
 *   await this.db.append(checkSessionId(sessionId), toStoredMessages(messages));
 * }
 * ```
 */
export function toStoredMessages(messages: readonly Message[]): string[] {
  if (!Array.isArray(messages)) throw new InputError('addMessages takes an array of messages.');
  return Array.from(messages, (message: unknown, index) => {
    if (!isMessage(message)) throw new InputError(`Message ${index} to store is not a message: got ${describeValue(message)}.`);
    return JSON.stringify(message);
  });
}

/**
 * A message kept by {@link toStoredMessages}, revived as a fresh instance;
 * `InputError` for text that is not a message's JSON.
 *
 * @example
 * ```ts
 * const history = (await this.db.list(checkSessionId(sessionId))).map(fromStoredMessage);
 * ```
 */
export function fromStoredMessage(text: string): Message {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('A stored message is not JSON: the store holds something else under its key.', { cause: error });
  }
  return messageFromJSON(json as MessageJSON);
}
