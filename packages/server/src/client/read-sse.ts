import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** The body broke while being read (the connection dropped): not a cancellation by the reader. */
export class BrokenStream extends Error {
  constructor(cause: unknown) {
    super('The connection broke while the stream was being read.', { cause });
    this.name = 'BrokenStream';
  }
}

/**
 * The server-sent events of a response body, each as soon as its blank line
 * arrives. Returning early (a `break`, an error) cancels the body, which closes
 * the connection. A read that fails for another reason than an abort throws
 * {@link BrokenStream}.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<EventSourceMessage, void> {
  let pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event) });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw error instanceof Error && error.name === 'AbortError' ? error : new BrokenStream(error);
      });
      // An event whose blank line never came is incomplete: the SSE spec drops it, so do we.
      // At the end, a CR the parser holds back (in case an LF follows) is a line end after all:
      // one more CR confirms it, and is itself an empty line left incomplete.
      parser.feed(done ? `${decoder.decode()}\r` : decoder.decode(value, { stream: true }));
      const events = pending;
      pending = [];
      yield* events;
      if (done) return;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
