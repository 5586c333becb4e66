/**
 * Child process of `slow-consumer-memory`, run with `--expose-gc`. Argument
 * 1: `consumer` (a synchronous producer, `fakeRunnable(chunks).pipe(jsonParser())`,
 * read by a `for await` loop that waits for `setImmediate` after every
 * snapshot), `subscriber` (the same chain drained by a synchronous subscriber,
 * which holds only the last snapshot) or `value` (the final value alone, built
 * by `JSON.parse` and kept alive); argument 2: how many items the document holds. It is cut into as
 * many chunks, each completing about one item. Prints `{ "peakBytes": n }` at
 * every new peak of the live heap (after a full GC) above the heap holding the
 * text and chunks, and last, in `consumer` mode, `{ peakBytes, produced,
 * consumed }`: the snapshots the chain emits on its own, and those the loop read.
 */
import { setImmediate } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { fakeRunnable } from '@rivulet/core/testing';
import { jsonParser } from '@rivulet/parsers';
import { chunkText } from '../documents/chunk-text.js';
import { wideObjectsDocument } from '../documents/wide-objects-document.js';
import { drainSync } from '../parse/drain-sync.js';
import { LiveHeapPeak } from './live-heap-peak.js';

const [mode, itemsArg] = process.argv.slice(2);
const items = Number(itemsArg);
const text = wideObjectsDocument({ items });
const chunks = chunkText(text, Math.ceil(text.length / items));
const heap = new LiveHeapPeak();
const sample = (): void => {
  const before = heap.peakBytes;
  if (heap.sample() > before) process.stdout.write(`${JSON.stringify({ peakBytes: heap.peakBytes })}\n`);
};

if (mode === 'value') {
  const value: unknown = JSON.parse(text);
  sample();
  if (value === undefined) throw new Error('unreachable: keeps the value alive across the sample');
  process.stdout.write(`${JSON.stringify({ peakBytes: heap.peakBytes })}\n`);
} else if (mode === 'subscriber') {
  const { last } = drainSync(fakeRunnable(chunks).pipe(jsonParser()).stream(null));
  sample();
  if (!isDeepStrictEqual(last, JSON.parse(text))) throw new Error('the last snapshot is not the document');
  process.stdout.write(`${JSON.stringify({ peakBytes: heap.peakBytes })}\n`);
} else if (mode === 'consumer') {
  // Sampled by the consumer: what the pipeline holds for a reader that lags. The first sample
  // is at the first snapshot read, after the synchronous producer has run to its end.
  const samplesEvery = Math.max(1, Math.floor(chunks.length / 20));
  const chain = fakeRunnable(chunks).pipe(jsonParser());
  let last: unknown;
  let consumed = 0;
  for await (const snapshot of chain.stream(null)) {
    last = snapshot;
    if (consumed++ % samplesEvery === 0) sample();
    await setImmediate();
  }
  sample();
  if (consumed === 0 || !isDeepStrictEqual(last, JSON.parse(text))) throw new Error('the last snapshot read is not the document');
  const produced = drainSync(chain.stream(null)).count;
  process.stdout.write(`${JSON.stringify({ peakBytes: heap.peakBytes, produced, consumed })}\n`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
