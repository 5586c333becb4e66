import { delta, inputFrom, inputOf, InputError, onWholeInput, type StreamInput } from '@rivulet/core';
import { concat, lastValueFrom, NEVER, Observable, of, Subject, throwError, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

const echoTwice = (text: string): Observable<string> => of(text, text.toUpperCase());
const all = <T>(stream: Observable<T>): Promise<T[]> => lastValueFrom(stream.pipe(toArray()));

describe('onWholeInput', () => {
  it('runs on a whole input at subscription, once per subscription', async () => {
    let calls = 0;
    const stream = onWholeInput(inputOf('ab'), 'step', (text) => {
      calls++;
      return echoTwice(text);
    });
    expect(calls).toBe(0);
    expect(await all(stream)).toEqual(['ab', 'AB']);
    expect(await all(stream)).toEqual(['ab', 'AB']);
    expect(calls).toBe(2);
  });

  it('folds streamed chunks by their rule first, and streams what run gives on the whole', async () => {
    expect(await all(onWholeInput(inputFrom(of('a', 'b', 'c'), delta<string>()), 'step', echoTwice))).toEqual(['abc', 'ABC']);
    // run may give a promise or any observable input.
    expect(await all(onWholeInput(inputFrom(of('x', 'y'), delta<string>()), 'step', async (text) => [text.length]))).toEqual([[2]]);
  });

  it('fails with InputError naming the step when the previous step produced nothing', async () => {
    const failure = await all(onWholeInput(inputFrom(of<string>(), delta<string>()), 'summarise', echoTwice)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as Error).message).toContain('"summarise" received no input');
  });

  it('fails the stream when run throws or its stream fails, on a whole and on a streamed input', async () => {
    const boom = new Error('boom');
    const inputs: StreamInput<string>[] = [inputOf('a'), inputFrom(of('a'), delta<string>())];
    for (const input of inputs) {
      await expect(
        all(
          onWholeInput(input, 'step', () => {
            throw boom;
          }),
        ),
      ).rejects.toBe(boom);
      await expect(all(onWholeInput(input, 'step', () => concat(of('x'), throwError(() => boom))))).rejects.toBe(boom);
      await expect(all(onWholeInput(inputFrom(throwError(() => boom), delta<string>()), 'step', echoTwice))).rejects.toBe(boom);
    }
  });

  it('leaving stops the input while it streams, and run’s stream once it runs', () => {
    const left: string[] = [];
    const tracked = <T>(name: string, source: Observable<T>): Observable<T> =>
      new Observable<T>((subscriber) => {
        let ended = false;
        const inner = source.subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => ((ended = true), subscriber.error(error)),
          complete: () => ((ended = true), subscriber.complete()),
        });
        // Torn down before it ended: its subscriber left.
        return () => {
          if (!ended) left.push(name);
          inner.unsubscribe();
        };
      });
    const play = (completeInput: boolean): { seen: string[]; runs: number } => {
      const chunks = new Subject<string>();
      const seen: string[] = [];
      let runs = 0;
      const input = inputFrom(tracked('input', chunks), delta<string>());
      const subscription = onWholeInput(input, 'step', (text) => {
        runs++;
        return tracked('run', concat(of(text), NEVER));
      }).subscribe((value) => seen.push(value));
      chunks.next('a');
      if (completeInput) chunks.complete();
      subscription.unsubscribe();
      return { seen, runs };
    };
    expect(play(false)).toEqual({ seen: [], runs: 0 });
    expect(left).toEqual(['input']);
    left.length = 0;
    expect(play(true)).toEqual({ seen: ['a'], runs: 1 });
    expect(left).toEqual(['run']);
  });
});
