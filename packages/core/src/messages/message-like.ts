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
 */
export interface OpenAIStyleMessage {
  readonly role: MessageObjectRole;
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
