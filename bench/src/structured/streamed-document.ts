import type { $ZodType } from 'zod/v4/core';
import { chunkText } from '../documents/chunk-text.js';

/** Characters per chunk, as in the parse cases. */
export const chunkSize = 4;

/** A document as the wide cases stream it. */
export interface StreamedDocument {
  readonly text: string;
  /** The text in {@link chunkSize}-character chunks, each its own string. */
  readonly chunks: readonly string[];
  /** `JSON.parse(text)`: what every contender must end with. */
  readonly expected: unknown;
  /** The zod schema `structuredParser` reads it with. */
  readonly schema: $ZodType;
}

/** `text` cut into chunks, with the value every contender must end with. */
export function streamedDocument(text: string, schema: $ZodType): StreamedDocument {
  return { text, chunks: chunkText(text, chunkSize), expected: JSON.parse(text), schema };
}
