import { InputError, isMessage, messageFromJSON, type Message, type MessageJSON } from '@rivulet/core';

/**
 * The JSON text of each message, as a Redis list keeps it. All are converted
 * before any is stored, so one bad message leaves the session as it was.
 */
export function toStoredMessages(messages: readonly Message[]): string[] {
  if (!Array.isArray(messages)) throw new InputError('addMessages takes an array of messages.');
  return Array.from(messages, (message: unknown, index) => {
    if (!isMessage(message)) throw new InputError(`Message ${index} to store is not a message (a HumanMessage, AIMessage, ...).`);
    return JSON.stringify(message);
  });
}

/** A stored message, revived as a fresh instance; `InputError` for text that is not one. */
export function fromStoredMessage(text: string): Message {
  return messageFromJSON(JSON.parse(text) as MessageJSON);
}

/** The session id checked: a non-empty string, else `InputError`. */
export function checkSessionId(sessionId: unknown): string {
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new InputError(`A session id must be a non-empty string, got ${sessionId === '' ? 'an empty string' : typeof sessionId}.`);
  }
  return sessionId;
}
