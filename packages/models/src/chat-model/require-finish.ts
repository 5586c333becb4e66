import { AIMessageChunk, TruncatedStreamError } from '@rivulet/core';
import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * Fails with `TruncatedStreamError` when the stream completes without a
 * finish reason: the connection ended before the model said it was done. The
 * partial reply is attached, so nothing received is lost. Chunks are kept, not
 * concatenated as they pass, so the normal path pays nothing for this.
 */
export function requireFinish(provider: string): MonoTypeOperatorFunction<AIMessageChunk> {
  return (source) =>
    new Observable<AIMessageChunk>((subscriber) => {
      const received: AIMessageChunk[] = [];
      let finished = false;
      return source.subscribe({
        next(chunk) {
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
