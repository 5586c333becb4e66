import { PartialJsonParser } from '@rivulet/parsers';
import type { ParseContender } from './parse-contender.js';

/** Rivulet's engine used directly: push each chunk, read the live value. */
export const rivuletEngine: ParseContender = {
  name: 'rivulet engine',
  kind: 'incremental',
  parseStream(chunks) {
    const parser = new PartialJsonParser();
    let value: unknown;
    for (const chunk of chunks) {
      parser.push(chunk);
      value = parser.value;
    }
    parser.end();
    return value;
  },
};
