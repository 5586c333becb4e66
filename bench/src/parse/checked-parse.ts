import { isDeepStrictEqual } from 'node:util';
import type { ParseContender } from './parse-contender.js';

/**
 * A sample function parsing the stream with `contender`. The first call also
 * checks the final value against `expected` (JSON.parse's), so a library
 * that mis-reads the document cannot post a time; the patch mode is exempt,
 * as it emits operations, not the value.
 */
export function checkedParse(contender: ParseContender, chunks: readonly string[], expected: unknown): () => Promise<void> {
  let verified = contender.name.includes('patch');
  return async () => {
    const value = await contender.parseStream(chunks);
    if (verified) return;
    if (!isDeepStrictEqual(value, expected)) throw new Error(`${contender.name} did not read the document correctly`);
    verified = true;
  };
}
