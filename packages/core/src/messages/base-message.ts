import { contentText, freezeContent, type MessageContent } from './content.js';

/** The kind of a message; `Message` is a union discriminated by it. */
export type MessageRole = 'system' | 'human' | 'ai' | 'tool';

/** Marks every message, looked up with `in` so it works across copies of the package. */
export const messageMarker: unique symbol = Symbol.for('rivulet.message');

/** Fields every message accepts. */
export interface BaseMessageFields {
  readonly content: MessageContent;
  /** Who spoke, for providers that tell participants of the same role apart. */
  readonly name?: string | undefined;
  /** An id for the message, such as the provider's response id. */
  readonly id?: string | undefined;
}

/** The plain JSON shape common to every message. */
export interface BaseMessageJSON {
  readonly role: MessageRole;
  readonly content: MessageContent;
  readonly name?: string;
  readonly id?: string;
}

/**
 * Base class of all messages. Messages are immutable: fields are readonly and instances
 * frozen. Check for a message with `isMessage(x)`, not `instanceof`, which fails when two
 * copies of `@rivulet/core` are installed.
 */
export abstract class BaseMessage {
  abstract readonly role: MessageRole;
  readonly content: MessageContent;
  readonly name: string | undefined;
  readonly id: string | undefined;

  static {
    // On the prototype rather than as a field: a declared symbol field would make the class
    // nominal in TypeScript, so types from two copies of the package would not mix.
    Object.defineProperty(this.prototype, messageMarker, { value: true });
  }

  constructor(fields: BaseMessageFields) {
    this.content = freezeContent(fields.content);
    this.name = fields.name;
    this.id = fields.id;
  }

  /** The text of the content: the string itself, or its text parts joined. */
  get text(): string {
    return contentText(this.content);
  }

  /** A plain, JSON-serializable copy; `messageFromJSON` revives it. */
  abstract toJSON(): BaseMessageJSON;
}

/**
 * The JSON fields shared by all messages, leaving out unset ones. A function rather than a
 * protected method, because protected members would make the classes nominal.
 */
export function baseMessageJSON(message: BaseMessage): Omit<BaseMessageJSON, 'role'> {
  return {
    content: message.content,
    ...(message.name !== undefined && { name: message.name }),
    ...(message.id !== undefined && { id: message.id }),
  };
}
