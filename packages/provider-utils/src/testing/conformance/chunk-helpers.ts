import { AIMessageChunk } from '@rivulet/core';

/** The text of streamed chunks, joined. */
export function joinText(chunks: readonly AIMessageChunk[]): string {
  return chunks.map((chunk) => chunk.content).join('');
}

/** Streamed chunks folded into the whole message. */
export function concatChunks(chunks: readonly AIMessageChunk[]): AIMessageChunk {
  return chunks.reduce((message, chunk) => message.concat(chunk), new AIMessageChunk());
}
