import { messageFromJSON, type AIMessageChunkJSON } from '@rivulet/core';

/**
 * A `data` chunk as the local pipeline expects it: a model's message chunk
 * (its JSON says `role: 'ai', chunk: true`) becomes an `AIMessageChunk` again,
 * so chunks concatenate and `.text` works; anything else is the parsed JSON.
 */
export function reviveChunk(chunk: unknown): unknown {
  if (typeof chunk !== 'object' || chunk === null) return chunk;
  const { role, chunk: isChunk } = chunk as { role?: unknown; chunk?: unknown };
  if (role !== 'ai' || isChunk !== true) return chunk;
  try {
    return messageFromJSON(chunk as AIMessageChunkJSON);
  } catch {
    return chunk; // looked like a message but is not one: keep the data as sent
  }
}
