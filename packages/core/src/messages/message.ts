import type { AIMessage, AIMessageJSON } from './ai-message.js';
import type { AIMessageChunkJSON } from './ai-message-chunk.js';
import type { HumanMessage, HumanMessageJSON } from './human-message.js';
import type { SystemMessage, SystemMessageJSON } from './system-message.js';
import type { ToolMessage, ToolMessageJSON } from './tool-message.js';

/**
 * Any chat message, discriminated by `role`. `AIMessageChunk` is included as an `AIMessage`.
 *
 * @example
 * ```ts
 * function describe(message: Message): string {
 *   switch (message.role) {
 *     case 'ai': return `${message.text} (${message.toolCalls.length} tool calls)`;
 *     case 'tool': return `result of ${message.toolCallId}`;
 *     default: return message.text;
 *   }
 * }
 * ```
 */
export type Message = SystemMessage | HumanMessage | AIMessage | ToolMessage;

/** The plain JSON of any message, as `toJSON()` gives it and `messageFromJSON` reads it. */
export type MessageJSON = SystemMessageJSON | HumanMessageJSON | AIMessageJSON | AIMessageChunkJSON | ToolMessageJSON;
