import type { Message } from '../messages/message.js';

/**
 * Where conversations are kept, one list of messages per session. Every
 * method is async so that a store can live in another process (Redis, a
 * database). Messages must survive a JSON round trip (`toJSON` →
 * `messageFromJSON`): that is how a shared store keeps them.
 *
 * `InMemoryMessageStore` is the one in core; `RedisMessageStore` comes with
 * `@rivulet/redis`. To write one, implement these three methods; with
 * `checkSessionId`, `toStoredMessages` and `fromStoredMessage` it checks and
 * keeps messages as the others do.
 *
 * @example
 * ```ts
 * const store: MessageStore = new InMemoryMessageStore();
 * await store.addMessages('alice', [human('Hi'), ai('Hello!')]);
 * const past = await store.getMessages('alice'); // [HumanMessage, AIMessage]
 * ```
 */
export interface MessageStore {
  /** The session's messages, oldest first; `[]` for a session never written. A fresh array each call. */
  getMessages(sessionId: string): Promise<Message[]>;
  /** Appends `messages` to the session, in order, as one step: no other append lands between them. */
  addMessages(sessionId: string, messages: readonly Message[]): Promise<void>;
  /** Forgets the session. */
  clear(sessionId: string): Promise<void>;
}
