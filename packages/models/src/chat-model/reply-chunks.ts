import { AIMessageChunk, TruncatedStreamError } from '@rivulet/core';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import { Observable, type OperatorFunction } from 'rxjs';
import { PartToChunk } from './part-to-chunk.js';

/**
 * One response's parts as the message chunks of one reply (a fresh
 * {@link PartToChunk} per subscription). Fails with `TruncatedStreamError`
 * when the parts complete without a finish reason: the connection ended
 * before the model said it was done. The partial reply is attached, so
 * nothing received is lost; chunks are kept, not concatenated as they pass,
 * so the normal path pays nothing for this.
 *
 * One operator rather than a map and a check: every layer between the socket
 * and the consumer is paid once per part, at one part per few characters.
 */
export function replyChunks(provider: string): OperatorFunction<ChatStreamPartV1, AIMessageChunk> {
  return (parts) =>
    new Observable<AIMessageChunk>((subscriber) => {
      const toChunk = new PartToChunk(provider);
      const received: AIMessageChunk[] = [];
      let finished = false;
      return parts.subscribe({
        next(part) {
          const chunk = toChunk.mapOrFail(part, subscriber);
          if (chunk === undefined) return;
          received.push(chunk);
          if (chunk.finishReason !== undefined) finished = true;
          subscriber.next(chunk);
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          if (finished) {
            subscriber.complete();
            return;
          }
          const partial = received.reduce((message, chunk) => message.concat(chunk), new AIMessageChunk());
          subscriber.error(
            new TruncatedStreamError(`${provider}: the stream ended before the model finished (${partial.content.length} characters received).`, {
              partial,
            }),
          );
        },
      });
    });
}
