/**
 * Reads the lines of a newline-delimited JSON body (Ollama's streaming
 * format) one network read at a time. Blank lines are skipped and a CR before
 * the LF is dropped; the lines are not parsed, so a line that is not JSON
 * reaches the caller to be reported, never silently lost.
 */
export class NdjsonReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #finished = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.#reader = body.getReader();
  }

  /**
   * The lines completed by the next read (maybe none), or `undefined` once the
   * body ended. A last line without its newline counts when it is whole JSON
   * (a server may omit the final newline) and is dropped as cut off otherwise.
   * A failed read (a dropped connection, an abort) rejects with its error.
   */
  async read(): Promise<string[] | undefined> {
    if (this.#finished) return undefined;
    const { done, value } = await this.#reader.read();
    if (done) {
      this.#finished = true;
      const rest = (this.#buffer + this.#decoder.decode()).trim();
      this.#buffer = '';
      return rest !== '' && isJson(rest) ? [rest] : [];
    }
    return this.#split(this.#buffer + this.#decoder.decode(value, { stream: true }));
  }

  /** Closes the connection unless the body already ended; safe to call at any time. */
  cancel(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#reader.cancel().catch(() => undefined);
  }

  #split(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      if (line.trim() !== '') lines.push(line);
      start = end + 1;
    }
    this.#buffer = start === 0 ? text : text.slice(start);
    return lines;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
