import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** The body broke while being read (the connection dropped): not a cancellation by the reader. */
export class BrokenStream extends Error {
  constructor(cause: unknown) {
    super('The connection broke while the stream was being read.', { cause });
    this.name = 'BrokenStream';
  }
}

/**
 * Reads the server-sent events of a response body one network read at a
 * time, so a consumer knows when the events received so far are all there is
 * (a quiet moment of the stream). `cancel()` closes the connection.
 */
export class SseReader {
  private pending: EventSourceMessage[] = [];
  // An event with no data (a keep-alive `event: ping`) carries nothing: skipped, as the SSE spec says.
  private readonly parser = createParser({ onEvent: (event) => event.data !== '' && this.pending.push(event) });
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private finished = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /**
   * The events completed by the next read (maybe none), or `undefined` once
   * the body ended. A read that fails for another reason than an abort throws
   * {@link BrokenStream}.
   */
  async read(): Promise<EventSourceMessage[] | undefined> {
    if (this.finished) return undefined;
    const { done, value } = await this.reader.read().catch((error: unknown) => {
      throw error instanceof Error && error.name === 'AbortError' ? error : new BrokenStream(error);
    });
    // An event whose blank line never came is incomplete: the SSE spec drops it, so do we.
    // At the end, a CR the parser holds back (in case an LF follows) is a line end after all:
    // one more CR confirms it, and is itself an empty line left incomplete.
    this.parser.feed(done ? `${this.decoder.decode()}\r` : this.decoder.decode(value, { stream: true }));
    this.finished = done;
    const events = this.pending;
    this.pending = [];
    return events;
  }

  /** Closes the connection; safe to call at any time. */
  cancel(): void {
    this.finished = true;
    this.reader.cancel().catch(() => undefined);
  }
}

/**
 * The server-sent events of a response body, each as soon as its blank line
 * arrives; events without data are skipped. Returning early (a `break`, an
 * error) cancels the body, which closes the connection.
 *
 * @example
 * ```ts
 * for await (const event of readServerSentEvents(response.body)) console.log(event.event, event.data);
 * ```
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<EventSourceMessage, void> {
  const reader = new SseReader(body);
  try {
    for (let events = await reader.read(); events !== undefined; events = await reader.read()) yield* events;
  } finally {
    reader.cancel();
  }
}
