import type { AIMessageChunk } from '@rivulet/core';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import { Observable, type OperatorFunction } from 'rxjs';
import { PartToChunk } from './part-to-chunk.js';

/** The message chunks of one response's parts (a fresh {@link PartToChunk} per subscription). */
export function partsToChunks(provider: string): OperatorFunction<ChatStreamPartV1, AIMessageChunk> {
  return (parts) =>
    new Observable<AIMessageChunk>((subscriber) => {
      const toChunk = new PartToChunk(provider);
      return parts.subscribe({
        next(part) {
          let chunk: AIMessageChunk | undefined;
          try {
            chunk = toChunk.map(part);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          if (chunk !== undefined) subscriber.next(chunk);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
