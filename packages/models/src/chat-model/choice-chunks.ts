import { AIMessageChunk, TruncatedStreamError } from '@rivulet/core';
import { Observable } from 'rxjs';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import { PartToChunk } from './part-to-chunk.js';

/** A chunk of one of several replies (choices) to the same request. */
export interface ChoiceChunk {
  readonly choice: number;
  readonly chunk: AIMessageChunk;
}

/**
 * The parts of an `n > 1` request as chunks tagged with their choice; usage,
 * which covers the whole response, goes to choice 0. Fails with
 * `TruncatedStreamError` (the partial replies attached, by choice) when any
 * choice that started did not finish.
 */
export function choiceChunks(provider: string): (parts: Observable<ChatStreamPartV1>) => Observable<ChoiceChunk> {
  return (parts) =>
    new Observable<ChoiceChunk>((subscriber) => {
      const received = new Map<number, AIMessageChunk[]>();
      const finished = new Set<number>();
      const toChunk = new PartToChunk(provider);
      return parts.subscribe({
        next(part) {
          const choice = part.type === 'usage' ? 0 : (part.choice ?? 0);
          const chunk = toChunk.mapOrFail(part, subscriber);
          if (chunk === undefined) return;
          let list = received.get(choice);
          if (!list) received.set(choice, (list = []));
          list.push(chunk);
          if (part.type === 'finish') finished.add(choice);
          subscriber.next({ choice, chunk });
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          const open = [...received.keys()].filter((choice) => !finished.has(choice));
          if (open.length === 0) {
            subscriber.complete();
            return;
          }
          const partial = [...received].map(([, chunks]) => chunks.reduce((a, b) => a.concat(b), new AIMessageChunk()));
          subscriber.error(new TruncatedStreamError(`${provider}: the stream ended before choices ${open.join(', ')} finished.`, { partial }));
        },
      });
    });
}

/** Folds choice chunks into one reply per choice, in choice order. */
export function foldChoices(chunks: readonly ChoiceChunk[]): AIMessageChunk[] {
  const replies: AIMessageChunk[] = [];
  for (const { choice, chunk } of chunks) replies[choice] = replies[choice] ? replies[choice].concat(chunk) : chunk;
  return Array.from(replies, (reply) => reply ?? new AIMessageChunk());
}
