import { BaseMessage, baseMessageJSON, type BaseMessageFields, type BaseMessageJSON } from './base-message.js';
import type { MessageContent } from './content.js';

/** Fields of a {@link ToolMessage}. */
export interface ToolMessageFields extends BaseMessageFields {
  /** The `id` of the `ToolCall` this message answers. */
  readonly toolCallId: string;
  /** True when the tool failed and `content` describes the failure. */
  readonly isError?: boolean | undefined;
}

/** JSON shape of a {@link ToolMessage}. */
export interface ToolMessageJSON extends BaseMessageJSON {
  readonly role: 'tool';
  readonly toolCallId: string;
  readonly isError?: true;
}

/** The result of a tool call, sent back to the model. `name` is the tool's name. */
export class ToolMessage extends BaseMessage {
  readonly role = 'tool' as const;
  readonly toolCallId: string;
  readonly isError: boolean;

  constructor(fields: ToolMessageFields) {
    super(fields);
    this.toolCallId = fields.toolCallId;
    this.isError = fields.isError ?? false;
    if (new.target === ToolMessage) Object.freeze(this);
  }

  toJSON(): ToolMessageJSON {
    return {
      role: this.role,
      ...baseMessageJSON(this),
      toolCallId: this.toolCallId,
      ...(this.isError && { isError: true as const }),
    };
  }
}

/**
 * Shorthand for `new ToolMessage(...)`: the result of the call with id `toolCallId`.
 *
 * @example
 * ```ts
 * const call = reply.toolCalls[0]!;
 * messages.push(reply, toolMessage(JSON.stringify(await weather(call.args)), call.id, { name: call.name }));
 * ```
 */
export function toolMessage(
  content: MessageContent,
  toolCallId: string,
  options: Omit<ToolMessageFields, 'content' | 'toolCallId'> = {},
): ToolMessage {
  return new ToolMessage({ ...options, content, toolCallId });
}
