/**
 * Thrown inside the engine, or by an observer, to fail the parse. The parser
 * catches it and throws an `OutputParserError` carrying the raw text (which
 * only the parser holds) and, when the failure has none, the position of the
 * token being read.
 */
export class ParseFailure extends Error {
  /** Offset of the offending character in the whole text pushed so far. */
  readonly position: number | undefined;
  /** Validation issues (zod issues) behind the failure. */
  readonly issues: readonly unknown[] | undefined;

  constructor(message: string, position?: number, issues?: readonly unknown[]) {
    super(message);
    this.name = 'ParseFailure';
    this.position = position;
    this.issues = issues;
  }
}
