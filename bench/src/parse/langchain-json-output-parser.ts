import { JsonOutputParser } from '@langchain/core/output_parsers';
import type { ParseContender } from './parse-contender.js';

async function* asyncChunks(chunks: readonly string[]): AsyncGenerator<string> {
  yield* chunks;
}

/**
 * LangChain's `JsonOutputParser` driven through `transform`, the way a chain
 * streams into it: on every chunk it parses the accumulated text again and
 * deep-compares the result with the previous one.
 */
export const langchainJsonOutputParser: ParseContender = {
  name: 'LangChain JsonOutputParser',
  kind: 'reparse',
  async parseStream(chunks) {
    let value: unknown;
    for await (const parsed of new JsonOutputParser().transform(asyncChunks(chunks), {})) value = parsed;
    return value;
  },
  async stepAt(previous, chunk) {
    // A real two-chunk stream; the clock starts when the second chunk is handed over.
    let started = 0;
    async function* twoChunks(): AsyncGenerator<string> {
      yield previous;
      started = performance.now();
      yield chunk;
    }
    for await (const parsed of new JsonOutputParser().transform(twoChunks(), {})) void parsed;
    return performance.now() - started;
  },
};
