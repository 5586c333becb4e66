import type { BenchCase } from '../bench-case.js';
import { runHeapChild, type HeapChildResult } from '../memory/run-heap-child.js';
import { summarize } from '../stats/summarize.js';

const child = './slow-consumer-child.ts';
// A consumer holding one snapshot at a time needs a few MB; a producer that queues every
// snapshot for it needs the sum of them (quadratic). The cap makes that fail in seconds.
const limits = { maxOldSpaceMb: 1024, timeoutMs: 30_000 };

const megabytes = (bytes: number): number => bytes / 2 ** 20;

/**
 * MB of peak live heap while a synchronous producer emits the growing
 * snapshots of a wide document streamed in one chunk per item
 * (`fakeRunnable(chunks).pipe(jsonParser())`) and a `for await` loop reads
 * them, waiting for `setImmediate` after each; beside it, the same chain
 * drained by a synchronous subscriber; the floor is the final value alone
 * (`JSON.parse`, kept alive). Each measurement runs in a fresh process
 * (`memory/slow-consumer-child.ts`), with a capped heap and a time limit: a
 * run that exceeds either is reported, not thrown.
 */
export const slowConsumerMemory: BenchCase = {
  id: 'slow-consumer-memory',
  async run(settings) {
    const items = settings.quick ? 5_000 : 20_000;
    const runs = settings.quick ? 1 : 3;
    const consumer: HeapChildResult[] = [];
    const subscriber: number[] = [];
    const value: number[] = [];
    const completed = async (mode: string): Promise<number> => {
      const result = await runHeapChild(child, [mode, String(items)], limits);
      if (result.failed !== undefined) throw new Error(`slow-consumer-memory: the ${mode} child ${result.failed}`);
      return megabytes(result.peakBytes);
    };
    for (let i = 0; i < runs; i++) {
      // A run that failed would fail the same way again: one is enough to say so.
      const again = !consumer.some((result) => result.failed !== undefined);
      // Each process measures its own heap, so the three can share the machine's time.
      const [lagging, subscribed, alone] = await Promise.all([
        again ? runHeapChild(child, ['consumer', String(items)], limits) : undefined,
        completed('subscriber'),
        completed('value'),
      ]);
      if (lagging) consumer.push(lagging);
      subscriber.push(subscribed);
      value.push(alone);
    }
    const failure = consumer.find((result) => result.failed !== undefined);
    const counts = consumer.find((result) => result.failed === undefined)?.counts ?? {};
    // Out of memory: the heap reached the cap, a lower bound of the peak. Timed out: the largest sample taken.
    const peaks = consumer.map((result) =>
      megabytes(result.failed === 'out of memory' ? limits.maxOldSpaceMb * 2 ** 20 : (result.peakBytes ?? Number.NaN)),
    );
    const peak = summarize(peaks);
    const floor = summarize(value);
    return {
      id: this.id,
      unit: 'MB peak heap',
      rivulet: peak,
      variants: { 'subscribe, no lag': summarize(subscriber) },
      peers: {},
      floor,
      params: {
        items,
        maxOldSpaceMb: limits.maxOldSpaceMb,
        timeoutMs: limits.timeoutMs,
        ...counts,
        ...(failure?.failed !== undefined && { failed: failure.failed }),
      },
      notes:
        `${items} items (${settings.quick ? '--quick: 5,000 instead of 20,000; ' : ''}{ "items": [{ id, name, tags }, ...] }) cut into ${items} chunks of about one item each; ` +
        `fakeRunnable(chunks).pipe(jsonParser()).stream(), read with for await and await setImmediate() per snapshot` +
        (counts['produced'] === undefined ? '. ' : `: the chain emits ${counts['produced']} snapshots, the loop read ${counts['consumed']}. `) +
        `Heap used after a full GC (--expose-gc) above a baseline holding the text and chunks, sampled by the loop at the first snapshot read, ` +
        `every ${items / 20} snapshots read and at the end: what the pipeline holds for a reader that lags (the synchronous producer has run to its end by the first read; ` +
        `the parser's own working memory is memory-10mb's subject). ` +
        `Variant: the same chain drained by a synchronous subscribe, holding the last snapshot only. ` +
        `Floor: the final value alone (JSON.parse, kept alive): ${floor.median.toFixed(2)} MB. ` +
        (failure?.failed === 'out of memory'
          ? `The consumer run ran out of memory at the ${limits.maxOldSpaceMb} MB heap cap: the peak shown is the cap, a lower bound. `
          : failure?.failed === 'timed out'
            ? `The consumer run was killed after ${limits.timeoutMs / 1000} s: the peak shown is the largest sample it took. `
            : '') +
        `One fresh process per measurement, ${runs} each${failure ? ' (the consumer once: it failed)' : ''}, the three kinds side by side. ` +
        `No peer: the AI SDK's parsePartialJson is not a stream; its streamObject and streamText + Output.object need a model stream and ` +
        `re-parse the accumulated text on every delta (at parse-100kb's cost per character, several minutes for 20,000 deltas over 1.4 MB), so no peer runs the same workload.`,
    };
  },
};
