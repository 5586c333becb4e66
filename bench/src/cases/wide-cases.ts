import type { BenchCase } from '../bench-case.js';
import { wideNumbersDocument } from '../documents/wide-numbers-document.js';
import { wideObjectsDocument } from '../documents/wide-objects-document.js';
import { wideNumbersSchema, wideObjectsSchema } from '../documents/wide-schemas.js';
import { wideDocumentCase } from './wide-document.js';

/** The two wide documents: a top-level array of numbers, and an object holding an array of small records. */
export const wideCases: readonly BenchCase[] = [
  wideDocumentCase({ id: 'wide-numbers-1mb', document: wideNumbersDocument, schema: wideNumbersSchema }),
  wideDocumentCase({ id: 'wide-objects-1mb', document: (bytes) => wideObjectsDocument({ bytes }), schema: wideObjectsSchema }),
];
