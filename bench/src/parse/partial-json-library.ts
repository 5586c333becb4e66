import { parse } from 'partial-json';
import type { ParseContender } from './parse-contender.js';

/** Reads the text, keeping the previous value when the prefix cannot be read (the library throws on some). */
function tryParse(text: string, previous: unknown): unknown {
  try {
    return parse(text);
  } catch {
    return previous;
  }
}

/** The `partial-json` package, called on the accumulated text after every chunk. */
export const partialJsonLibrary: ParseContender = {
  name: 'partial-json',
  kind: 'reparse',
  parseStream(chunks) {
    let text = '';
    let value: unknown;
    for (const chunk of chunks) {
      text += chunk;
      value = tryParse(text, value);
    }
    return value;
  },
  async stepAt(previous, chunk) {
    // The value of the previous chunk is still held when the next one is parsed, as in a stream.
    const held = tryParse(previous, undefined);
    const started = performance.now();
    const value = tryParse(previous + chunk, held);
    const elapsed = performance.now() - started;
    if (value === undefined) throw new Error('nothing parsed');
    return elapsed;
  },
};
