import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filter, map, type Observable } from 'rxjs';
import { fromOperator, items, lambda, snapshot, transform } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';

// Virtual time, moved on to the next timer whenever the test waits: the fakes' delays only order the chunks.
beforeEach(() => void vi.useFakeTimers().setTimerTickMode('nextTimerAsync'));
afterEach(() => void vi.useRealTimers());

describe('transform', () => {
  it('receives the input as it streams and streams its output', async () => {
    const seen: string[] = [];
    const upper = transform(async function* (chunks: AsyncIterable<string>) {
      for await (const text of chunks) {
        seen.push(text);
        yield text.toUpperCase();
      }
    });
    const chain = fakeRunnable(['a', 'b', 'c'], { delayMs: 2 }).pipe(upper);
    const out: string[] = [];
    for await (const chunk of chain.stream('x')) {
      out.push(chunk);
      // The first output arrives before the input is complete: nothing is buffered whole.
      if (out.length === 1) expect(seen).toEqual(['a']);
    }
    expect(out).toEqual(['A', 'B', 'C']);
    expect(await chain.invoke('x')).toBe('ABC');
  });

  it('cancels the upstream when the run is left early', async () => {
    const upstream = fakeRunnable(['a', 'b', 'c', 'd'], { delayMs: 5 });
    const chain = upstream.pipe(transform(async function* (chunks: AsyncIterable<string>) {
      for await (const text of chunks) yield text;
    }));
    for await (const chunk of chain.stream('x')) if (chunk === 'b') break;
    expect(upstream.cancelled).toBe(1);
    expect(upstream.active).toBe(0);
  });

  it('fails the run with the error its function throws', async () => {
    const failing = transform(async function* (chunks: AsyncIterable<string>) {
      for await (const text of chunks) {
        if (text.includes('b')) throw new TypeError('bad chunk');
        yield text;
      }
    });
    await expect(fakeRunnable(['a', 'b']).pipe(failing).invoke('x')).rejects.toThrow('bad chunk');
  });

  it('aggregates by the aggregation it is given', async () => {
    const counts = transform(
      async function* (chunks: AsyncIterable<string>) {
        let n = 0;
        for await (const text of chunks) yield (n += text.length);
      },
      { aggregation: snapshot<number>() },
    );
    expect(await fakeRunnable(['ab', 'cde'], { delayMs: 1 }).pipe(counts).invoke('x')).toBe(5);
  });
});

describe('fromOperator', () => {
  it('applies an RxJS operator to the chunks as they arrive', async () => {
    const nonEmpty = fromOperator((chunks: Observable<string>) => chunks.pipe(filter((t) => t.trim() !== ''), map((t) => t.trim())));
    const chain = fakeRunnable(['a ', ' ', 'b']).pipe(nonEmpty);
    expect(await collect(chain.stream('x'))).toEqual(['a', 'b']);
    expect(await chain.invoke('x')).toBe('ab');
  });

  it('streams between a producer and a whole-input step', async () => {
    const lengths = fromOperator((chunks: Observable<string>) => chunks.pipe(map((t) => t.length)), { aggregation: items<number>() });
    const chain = fakeRunnable(['ab', 'c']).pipe(lengths).pipe(lambda((all: number[]) => all.join('+')));
    expect(await chain.invoke('x')).toBe('2+1');
  });
});
