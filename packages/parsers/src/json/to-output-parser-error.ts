import { OutputParserError } from '@rivulet/core';
import type { ParseFailure } from './parse-failure.js';

/** The public error for an engine or observer failure, with the raw `text` and a position (`position` when the failure has none). */
export function toOutputParserError(failure: ParseFailure, text: string, position: number): OutputParserError {
  const at = failure.position ?? position;
  return new OutputParserError(`${failure.message} at position ${at}`, {
    text,
    position: at,
    ...(failure.issues && { issues: failure.issues }),
    cause: failure,
  });
}
