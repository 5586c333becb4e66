import { isAIMessageChunk, type AIMessageChunk } from '../messages/ai-message-chunk.js';
import type { RunChunkEvent, RunEndEvent, RunEvent } from './run-events.js';

/** A step's `end` event whose output is a model reply. */
export type ReplyEndEvent = RunEndEvent & { readonly data: { readonly output: AIMessageChunk } };

/** A step's `chunk` event carrying a piece of a model reply. */
export type ReplyChunkEvent = RunChunkEvent & { readonly data: { readonly chunk: AIMessageChunk } };

/**
 * True for the `end` event of a step that produced a model reply (a chat
 * model, or a step passing one on): its `data.output` is then typed as the
 * `AIMessageChunk`, with `usage`, `finishReason`, `toolCalls` and
 * `responseMetadata`, no cast needed.
 *
 * @example
 * ```ts
 * for await (const event of chain.streamEvents({ topic: 'rivers' })) {
 *   if (isReplyEnd(event)) console.log(event.name, event.data.output.usage?.totalTokens);
 * }
 * ```
 */
export function isReplyEnd(event: RunEvent): event is ReplyEndEvent {
  return event.type === 'end' && isAIMessageChunk(event.data.output);
}

/**
 * True for a `chunk` event carrying a piece of a model reply: `data.chunk`
 * is then typed as the `AIMessageChunk`.
 *
 * @example
 * ```ts
 * for await (const event of chain.streamEvents(input)) if (isReplyChunk(event)) process.stdout.write(event.data.chunk.text);
 * ```
 */
export function isReplyChunk(event: RunEvent): event is ReplyChunkEvent {
  return event.type === 'chunk' && isAIMessageChunk(event.data.chunk);
}
