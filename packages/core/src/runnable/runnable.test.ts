import { afterEach, describe, expect, it, vi } from 'vitest';
import { Observable, map, toArray, lastValueFrom } from 'rxjs';
import { lambda, Runnable, RunStream, snapshot, wholeInput, type RunContext, type StreamInput } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';

afterEach(() => void vi.useRealTimers());

describe('Runnable', () => {
  it('invoke is the aggregate of stream: deltas concatenate', async () => {
    const fake = fakeRunnable(['Hel', 'lo', ' world']);
    expect(await collect(fake.stream('x'))).toEqual(['Hel', 'lo', ' world']);
    expect(await fake.invoke('x')).toBe('Hello world');
  });

  it('invoke is the aggregate of stream: snapshots keep the last', async () => {
    const fake = fakeRunnable([{ a: 'H' }, { a: 'He' }, { a: 'Hey' }], { aggregate: 'snapshot' });
    expect(await fake.invoke('x')).toEqual({ a: 'Hey' });
  });

  it('a RunStream is both an Observable and an AsyncIterable', async () => {
    const stream = fakeRunnable(['a', 'b']).stream('x');
    expect(stream).toBeInstanceOf(RunStream);
    expect(await lastValueFrom(stream.pipe(map((c) => c.toUpperCase()), toArray()))).toEqual(['A', 'B']);
    const seen: string[] = [];
    for await (const chunk of stream) seen.push(chunk);
    // The producer is synchronous, so the loop is slower: waiting deltas arrive joined.
    expect(seen).toEqual(['ab']);
  });

  it('a RunStream is cold: each subscription is one run', async () => {
    const fake = fakeRunnable(['a']);
    const stream = fake.stream('in');
    expect(fake.inputs).toEqual([]);
    await collect(stream);
    await collect(stream);
    expect(fake.inputs).toEqual(['in', 'in']);
  });

  it('toReadableStream gives a Web ReadableStream of the chunks', async () => {
    const readable = fakeRunnable(['x', 'y', 'z']).stream('in').toReadableStream();
    expect(readable).toBeInstanceOf(ReadableStream);
    const chunks: string[] = [];
    const reader = readable.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.join('')).toBe('xyz');
  });

  it('cancelling a ReadableStream reader cancels the run', async () => {
    vi.useFakeTimers().setTimerTickMode('nextTimerAsync');
    const fake = fakeRunnable(['x', 'y', 'z'], { delayMs: 5 });
    const reader = fake.stream('in').toReadableStream().getReader();
    expect((await reader.read()).value).toBe('x');
    await reader.cancel();
    expect(fake.active).toBe(0);
    expect(fake.cancelled).toBe(1);
  });

  it('can be subclassed by implementing name, aggregation and doStream', async () => {
    class Repeat extends Runnable<string, string> {
      readonly name = 'repeat';
      readonly aggregation = snapshot<string>();
      doStream(input: StreamInput<string>, _ctx: RunContext): Observable<string> {
        return new Observable((subscriber) =>
          wholeInput(input, this.name).subscribe({
            next: (text) => {
              subscriber.next(text);
              subscriber.next(text + text);
            },
            error: (e: unknown) => subscriber.error(e),
            complete: () => subscriber.complete(),
          }),
        );
      }
    }
    const repeat = new Repeat();
    expect(await repeat.invoke('ab')).toBe('abab');
    expect(await repeat.pipe((s) => s.length).invoke('ab')).toBe(4);
    expect(Runnable.isRunnable(repeat)).toBe(true);
    expect(Runnable.isRunnable({ doStream() {} })).toBe(false);
  });

  it('an error in a step rejects invoke and errors the stream, with the chunks before it delivered', async () => {
    const boom = new Error('boom');
    const fake = fakeRunnable(['a', 'b'], { error: boom });
    await expect(fake.invoke('x')).rejects.toBe(boom);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of fake.stream('x')) seen.push(chunk);
      })(),
    ).rejects.toBe(boom);
    expect(seen.join('')).toBe('ab');
  });

  it('a function throwing synchronously fails the run with that error', async () => {
    const failing = lambda((_: string): string => {
      throw new TypeError('bad');
    });
    await expect(failing.invoke('x')).rejects.toThrow(TypeError);
  });
});
