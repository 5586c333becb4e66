import { AIMessageChunk } from '@rivulet/core';

/** The text of streamed chunks, joined. */
export function joinText(chunks: readonly AIMessageChunk[]): string {
  return chunks.map((chunk) => chunk.content).join('');
}

/** Streamed chunks folded into the whole message. */
export function concatChunks(chunks: readonly AIMessageChunk[]): AIMessageChunk {
  return chunks.reduce((message, chunk) => message.concat(chunk), new AIMessageChunk());
}

/** `text` cut into the pieces a mock streams it in. */
export function pieces(text: string, size: number): string[] {
  const points = Array.from(text);
  const list: string[] = [];
  for (let start = 0; start < points.length; start += size) list.push(points.slice(start, start + size).join(''));
  return list;
}
