/**
 * Child process of `memory-10mb`, run with `--expose-gc`, so each measurement
 * starts from a fresh heap. Argument 1: `patch` (stream the document through
 * `jsonParser({ mode: 'patch' })`), `parse` (one `JSON.parse` of the text
 * received, the text joined from the chunks as a consumer that buffers the
 * stream holds it) or `value` (the parsed value alone); argument 2: the
 * document size in bytes. Prints `{ "peakBytes": n }`: the largest live heap
 * after a full GC, above the heap with the source text already in it.
 */
import { from } from 'rxjs';
import { jsonParser } from '@rivulet/parsers';
import { ownString } from '../documents/chunk-text.js';
import { llmJsonDocument } from '../documents/llm-json-document.js';
import { LiveHeapPeak } from './live-heap-peak.js';

const [mode, bytesArg] = process.argv.slice(2);
const text = llmJsonDocument(Number(bytesArg));
const heap = new LiveHeapPeak();
const sample = (): void => void heap.sample();

if (mode === 'parse' || mode === 'value') {
  // A copy of the text, as a consumer gets it by joining the chunks it buffered.
  let received: string | undefined = Array.from({ length: Math.ceil(text.length / 4) }, (_, i) => ownString(text.slice(i * 4, i * 4 + 4))).join('');
  const value: unknown = JSON.parse(received);
  if (mode === 'value') received = undefined;
  sample();
  if (value === undefined || received === '') throw new Error('unreachable: keeps both alive across the sample');
} else if (mode === 'patch') {
  const chunkSize = 4;
  const samplesEvery = 262_144; // chunks: one sample per MB of text
  // Chunks are cut as they are read (a pre-cut array would itself weigh more than the document).
  function* chunks(): Generator<string> {
    for (let i = 0, n = 0; i < text.length; i += chunkSize, n++) {
      yield ownString(text.slice(i, i + chunkSize));
      // Here the chunk has gone through the parser, which still holds everything it keeps.
      if (n % samplesEvery === samplesEvery - 1 || i + chunkSize >= text.length) sample();
    }
  }
  let operations = 0;
  from(chunks())
    .pipe(jsonParser({ mode: 'patch' }).asOperator())
    .subscribe({ next: (ops) => (operations += ops.length) });
  if (operations === 0) throw new Error('no patch operations');
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`${JSON.stringify({ peakBytes: heap.peakBytes })}\n`);
