import { BaseMessage, baseMessageJSON, type BaseMessageFields, type BaseMessageJSON } from './base-message.js';
import { isMessageContent, type MessageContent } from './content.js';

/** JSON shape of a {@link SystemMessage}. */
export interface SystemMessageJSON extends BaseMessageJSON {
  readonly role: 'system';
}

/** Instructions for the model. OpenAI's `developer` role is read as this too. */
export class SystemMessage extends BaseMessage {
  readonly role = 'system' as const;

  constructor(fields: MessageContent | BaseMessageFields) {
    super(isMessageContent(fields) ? { content: fields } : fields);
    if (new.target === SystemMessage) Object.freeze(this);
  }

  toJSON(): SystemMessageJSON {
    return { role: this.role, ...baseMessageJSON(this) };
  }
}

/**
 * Shorthand for `new SystemMessage(content)`.
 *
 * @example
 * ```ts
 * const messages = [system('Answer in French.'), human('Hello!')];
 * ```
 */
export function system(content: MessageContent): SystemMessage {
  return new SystemMessage(content);
}
