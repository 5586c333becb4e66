import { AIMessageChunk } from '@rivulet/core';
import type { ChatStreamPartV1 } from '../provider/v1/chat-stream-part.js';

/** The message chunk a stream part stands for. */
export function partToChunk(part: ChatStreamPartV1): AIMessageChunk {
  switch (part.type) {
    case 'text-delta':
      return new AIMessageChunk({ content: part.text });
    case 'reasoning-delta':
      return new AIMessageChunk({ reasoning: part.text });
    case 'tool-call-delta':
      return new AIMessageChunk({ toolCallChunks: [{ index: part.index, id: part.id, name: part.name, argsText: part.argsText }] });
    case 'usage':
      return new AIMessageChunk({ usage: part.usage });
    case 'finish':
      return new AIMessageChunk({
        finishReason: part.reason,
        ...(part.rawReason !== undefined && { responseMetadata: { finishReason: part.rawReason } }),
      });
    case 'metadata':
      return new AIMessageChunk({ responseMetadata: part.metadata });
  }
}
