import { InputError } from '../errors/input-error.js';
import { AIMessage } from './ai-message.js';
import { HumanMessage } from './human-message.js';
import { describeValue, failAt, isRecord, type Fail } from './invalid-message.js';
import { isMessage } from './is-message.js';
import type { Message } from './message.js';
import { messageFromObject } from './message-from-object.js';
import type { MessageLike } from './message-like.js';
import { readContent } from './read-content.js';
import { SystemMessage } from './system-message.js';

/**
 * Turns a message-like value into a message: a message is returned as is, a string becomes a
 * human message, a `[role, content]` tuple or a `{ role, content, ... }` object (OpenAI style,
 * or the JSON of a message) becomes the message of that role.
 *
 * @throws InputError when the value has an unknown role, lacks content, or has the wrong shape.
 *
 * @example
 * ```ts
 * coerceMessage('Hi');                                    // HumanMessage
 * coerceMessage(['system', 'Be brief.']);                 // SystemMessage
 * coerceMessage({ role: 'assistant', content: 'Hello' }); // AIMessage
 * ```
 */
export function coerceMessage(like: MessageLike): Message {
  return coerceAt(like, undefined);
}

/**
 * {@link coerceMessage} over a list; errors name the index of the offending entry.
 *
 * @example
 * ```ts
 * const messages = coerceMessages([['system', 'Be brief.'], { role: 'user', content: 'Hi' }]);
 * ```
 */
export function coerceMessages(likes: readonly MessageLike[]): Message[] {
  if (!Array.isArray(likes)) throw new InputError(`Expected an array of messages, got ${describeValue(likes)}`);
  return likes.map((like: unknown, index) => coerceAt(like, index));
}

function coerceAt(like: unknown, index: number | undefined): Message {
  const fail = failAt(index);
  if (isMessage(like)) return like;
  if (typeof like === 'string') return new HumanMessage(like);
  if (Array.isArray(like)) return fromTuple(like, fail);
  if (isRecord(like)) return messageFromObject(like, fail);
  return fail(`expected a message, a string, a [role, content] tuple or a { role, content } object, got ${describeValue(like)}`);
}

function fromTuple(tuple: readonly unknown[], fail: Fail): Message {
  if (tuple.length !== 2) fail(`a [role, content] tuple must have 2 elements, got ${tuple.length}`);
  const [role, rawContent] = tuple;
  const content = () => readContent(rawContent, fail, 'tuple content');
  switch (role) {
    case 'system':
      return new SystemMessage(content());
    case 'human':
    case 'user':
      return new HumanMessage(content());
    case 'ai':
    case 'assistant':
      return new AIMessage(content());
    default:
      return fail(
        `unknown role ${JSON.stringify(role)} in a [role, content] tuple (expected one of system, human, user, ai, assistant)`,
      );
  }
}
