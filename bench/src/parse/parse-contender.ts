/**
 * One library parsing a streamed JSON document: it is given the whole stream
 * of chunks and reads the current value after every chunk.
 */
export interface ParseContender {
  /** The name in results, tables and the chart. */
  readonly name: string;
  /**
   * `incremental` libraries do work proportional to each chunk; `reparse`
   * ones parse the accumulated text again on every chunk (quadratic), which
   * is what makes `stepAt` meaningful for them.
   */
  readonly kind: 'incremental' | 'reparse';
  /** Parses the whole stream, reading the value after each chunk; returns the final value. */
  parseStream(chunks: readonly string[]): unknown;
  /**
   * Re-parsing libraries only: the work of one `chunk` arriving after the
   * text `previous`, appending included (`previous + chunk` makes V8 copy the
   * text into one flat string before it can be parsed, in a real stream too).
   * Resolves to the time that chunk took, in ms; the work a real stream would
   * already have done (reading up to `previous`) is not counted.
   */
  stepAt?(previous: string, chunk: string): Promise<number>;
}
