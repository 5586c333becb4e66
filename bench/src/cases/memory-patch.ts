import type { BenchCase } from '../bench-case.js';
import { runHeapChild } from '../memory/run-heap-child.js';
import { summarize } from '../stats/summarize.js';

/** Peak live heap, in MB, of one child process measuring `mode` on a document of `bytes`. */
async function peakMegabytes(mode: 'patch' | 'parse' | 'value', bytes: number): Promise<number> {
  const result = await runHeapChild('./peak-heap-child.ts', [mode, String(bytes)]);
  if (result.failed !== undefined) throw new Error(`memory-10mb: the ${mode} child ${result.failed}`);
  return result.peakBytes / 2 ** 20;
}

/**
 * MB of peak live heap (after a full GC) while a 10 MB document streams in
 * 4-character chunks through `jsonParser({ mode: 'patch' })`, against one
 * `JSON.parse` of the same text. Each measurement runs in a fresh process.
 */
export const memoryPatch: BenchCase = {
  id: 'memory-10mb',
  async run(settings) {
    const bytes = settings.quick ? 2_000_000 : 10_000_000;
    const runs = settings.quick ? 1 : 3;
    const patch: number[] = [];
    const parse: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < runs; i++) {
      patch.push(await peakMegabytes('patch', bytes));
      parse.push(await peakMegabytes('parse', bytes));
      value.push(await peakMegabytes('value', bytes));
    }
    const valueOnly = summarize(value);
    return {
      id: this.id,
      unit: 'MB peak heap',
      rivulet: summarize(patch),
      peers: {},
      floor: summarize(parse),
      params: { bytes, chunkSize: 4 },
      notes:
        `${bytes / 1e6} MB document${settings.quick ? ' (--quick: 2 MB instead of 10 MB)' : ''}, heap used after a full GC (--expose-gc) above a baseline that already holds the text; ` +
        `Rivulet sampled once per MB of input and at the end (the patch operations are counted and dropped, as a server sending them would). ` +
        `Floor: one JSON.parse of the received text, i.e. the text joined from the chunks plus the value, both alive at its peak. ` +
        `The value alone is ${valueOnly.median.toFixed(1)} MB (Rivulet ${(summarize(patch).median / valueOnly.median).toFixed(1)} × that): the rest of Rivulet's heap is mostly the raw text the engine keeps for OutputParserError.text. ` +
        `One fresh process per measurement, ${runs} each.`,
    };
  },
};
