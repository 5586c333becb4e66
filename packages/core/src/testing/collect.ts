import { isObservable, type Observable } from 'rxjs';
import type { RunEvent, RunEventType } from '../run/run-events.js';

/**
 * Every chunk of a stream, once it completes; rejects with its error. An
 * observable (a `RunStream` too) is subscribed, so no chunk is coalesced
 * away as it would be for a slow `for await` loop.
 */
export async function collect<T>(stream: Observable<T> | AsyncIterable<T>): Promise<T[]> {
  const chunks: T[] = [];
  if (!isObservable(stream)) {
    for await (const chunk of stream) chunks.push(chunk);
    return chunks;
  }
  return new Promise<T[]>((resolve, reject) => {
    stream.subscribe({ next: (chunk) => chunks.push(chunk), error: reject, complete: () => resolve(chunks) });
  });
}

/** What a stream did: its chunks, and how it ended. Never rejects, so a test can assert on both. */
export async function settle<T>(stream: Observable<T> | AsyncIterable<T>): Promise<{ chunks: T[]; error?: unknown }> {
  const chunks: T[] = [];
  if (!isObservable(stream)) {
    try {
      for await (const chunk of stream) chunks.push(chunk);
      return { chunks };
    } catch (error) {
      return { chunks, error };
    }
  }
  return new Promise((resolve) => {
    stream.subscribe({
      next: (chunk) => chunks.push(chunk),
      error: (error: unknown) => resolve({ chunks, error }),
      complete: () => resolve({ chunks }),
    });
  });
}

/** Events as compact `type:name` strings, e.g. `['start:sequence', 'start:prompt', ...]`, for asserting order. */
export function eventTrace(events: readonly RunEvent[], types: readonly RunEventType[] = ['start', 'end', 'error']): string[] {
  return events.filter((event) => types.includes(event.type)).map((event) => `${event.type}:${event.name}`);
}
