import { parsePartialJson } from 'ai';
import type { ParseContender } from './parse-contender.js';

/** The AI SDK's `parsePartialJson`, called on the accumulated text after every chunk, as its streaming helpers do. */
export const aiSdkParsePartialJson: ParseContender = {
  name: 'AI SDK parsePartialJson',
  kind: 'reparse',
  async parseStream(chunks) {
    let text = '';
    let value: unknown;
    for (const chunk of chunks) {
      text += chunk;
      value = (await parsePartialJson(text)).value;
    }
    return value;
  },
  async stepAt(previous, chunk) {
    // The value of the previous chunk is still held when the next one is parsed, as in a stream.
    const held = (await parsePartialJson(previous)).value;
    const started = performance.now();
    const value = (await parsePartialJson(previous + chunk)).value;
    const elapsed = performance.now() - started;
    if (held === undefined && value === undefined) throw new Error('nothing parsed');
    return elapsed;
  },
};
