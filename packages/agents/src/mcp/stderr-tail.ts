import type { Stream } from 'node:stream';

/** How much of a server's stderr is kept for error messages. */
const KEEP_CHARS = 4096;

/**
 * The end of what a child process wrote to stderr, kept to explain why it
 * failed. Reading the stream also keeps the child from blocking on a full pipe.
 */
export class StderrTail {
  private kept = '';

  constructor(stream: Stream | null) {
    stream?.on('data', (chunk: Buffer | string) => {
      this.kept = (this.kept + chunk.toString()).slice(-KEEP_CHARS);
    });
  }

  /** ` Its stderr ended with: …` for an error message, or `''` when it wrote nothing. */
  quote(): string {
    const text = this.kept.trim();
    return text === '' ? '' : ` Its stderr ended with:\n${text}`;
  }
}
