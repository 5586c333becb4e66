import type { ContentPart, MessageContent } from './content.js';
import type { Message, MessageJSON } from './message.js';

/** Roles accepted in a `{ role, content }` object: Rivulet's and OpenAI's names. */
export type MessageObjectRole = 'system' | 'developer' | 'user' | 'human' | 'assistant' | 'ai' | 'tool';

/** A content part as OpenAI writes it (`image_url`), accepted besides Rivulet's own parts. */
export type OpenAIStyleContentPart =
  | ContentPart
  | { readonly type: 'image_url'; readonly image_url: string | { readonly url: string; readonly detail?: string } };

/** A tool call as OpenAI writes it; `arguments` is JSON text. */
export interface OpenAIStyleToolCall {
  readonly id: string;
  readonly type?: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

/**
 * A message as the OpenAI chat API writes it. `developer` reads as a system message,
 * `user` as human, `assistant` as ai. Fields not listed here are ignored.
 *
 * @example
 * ```ts
 * // No `as const` needed: `role` is inferred as `string` and checked when the messages are read.
 * const messages = [
 *   { role: 'system', content: 'Be brief.' },
 *   { role: 'user', content: 'Hi' },
 * ];
 * coerceMessages(messages);
 * ```
 */
export interface OpenAIStyleMessage {
  /**
   * Any string, so a list written without `as const` (where TypeScript infers `role: string`)
   * is accepted, as the OpenAI SDK accepts it; the known roles still autocomplete.
   * An unknown role is an `InputError` naming it and the message's index.
   */
  readonly role: MessageObjectRole | (string & {});
  /** May be `null` or absent only on an assistant message that calls tools. */
  readonly content?: string | readonly OpenAIStyleContentPart[] | null | undefined;
  readonly name?: string | undefined;
  readonly tool_calls?: readonly OpenAIStyleToolCall[] | undefined;
  /** Required on a `tool` message. */
  readonly tool_call_id?: string | undefined;
  /** Reasoning text, as DeepSeek and other OpenAI-compatible servers return it. */
  readonly reasoning_content?: string | undefined;
}

/** Roles accepted in a `[role, content]` tuple. */
export type MessageTupleRole = 'system' | 'human' | 'user' | 'ai' | 'assistant';

/** A message written as a `[role, content]` tuple, such as `['human', 'Hello']`. */
export type MessageTuple = readonly [role: MessageTupleRole, content: MessageContent];

/**
 * Anything `coerceMessage` turns into a {@link Message}: a message, an OpenAI-style or
 * Rivulet JSON `{ role, ... }` object, a `[role, content]` tuple, or a string (a human message).
 */
export type MessageLike = Message | OpenAIStyleMessage | MessageJSON | MessageTuple | string;
