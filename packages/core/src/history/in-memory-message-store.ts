import type { Message } from '../messages/message.js';
import type { MessageStore } from './message-store.js';
import { checkSessionId } from './session-id.js';
import { fromStoredMessage, toStoredMessages } from './stored-message.js';

/**
 * A {@link MessageStore} in this process's memory: for tests, demos and
 * single-process apps. Messages are kept as their JSON, as a shared store
 * keeps them, so what you read back is a copy: changing an array you passed
 * or received never changes the history.
 *
 * @example
 * ```ts
 * const store = new InMemoryMessageStore();
 * const chat = withMessageHistory(model, { store });
 * await chat.invoke('Hi, I am Ada.', { configurable: { sessionId: 'ada' } });
 * ```
 */
export class InMemoryMessageStore implements MessageStore {
  readonly #sessions = new Map<string, string[]>();

  getMessages(sessionId: string): Promise<Message[]> {
    return attempt(() => (this.#sessions.get(checkSessionId(sessionId)) ?? []).map(fromStoredMessage));
  }

  addMessages(sessionId: string, messages: readonly Message[]): Promise<void> {
    return attempt(() => {
      const id = checkSessionId(sessionId);
      const stored = toStoredMessages(messages);
      const session = this.#sessions.get(id);
      if (session === undefined) this.#sessions.set(id, stored);
      else session.push(...stored);
    });
  }

  clear(sessionId: string): Promise<void> {
    return attempt(() => void this.#sessions.delete(checkSessionId(sessionId)));
  }
}

/** Runs `fn` now, its result or error as a promise: store methods never throw synchronously. */
function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
