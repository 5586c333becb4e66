import { BaseMessage, baseMessageJSON, type BaseMessageFields, type BaseMessageJSON } from './base-message.js';
import { isMessageContent, type MessageContent } from './content.js';

/** JSON shape of a {@link HumanMessage}. */
export interface HumanMessageJSON extends BaseMessageJSON {
  readonly role: 'human';
}

/** A message from the user (OpenAI's `user` role). */
export class HumanMessage extends BaseMessage {
  readonly role = 'human' as const;

  constructor(fields: MessageContent | BaseMessageFields) {
    super(isMessageContent(fields) ? { content: fields } : fields);
    if (new.target === HumanMessage) Object.freeze(this);
  }

  toJSON(): HumanMessageJSON {
    return { role: this.role, ...baseMessageJSON(this) };
  }
}

/**
 * Shorthand for `new HumanMessage(content)`; content may mix text and images.
 *
 * @example
 * ```ts
 * human('What is in this picture?');
 * human([{ type: 'text', text: 'Describe:' }, { type: 'image', url: 'https://example.com/cat.png' }]);
 * ```
 */
export function human(content: MessageContent): HumanMessage {
  return new HumanMessage(content);
}
