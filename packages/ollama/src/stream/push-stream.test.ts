import { deferred, nextTurn } from '@rivulet/test-kit';
import { describe, expect, it } from 'vitest';
import { pushStream, type PushSink } from './push-stream.js';

/** An observer that records what it is told, and when the stream ended. */
function recorder<T>() {
  const seen: (T | 'complete' | { error: unknown })[] = [];
  const ended = deferred<void>();
  return {
    seen,
    ended: ended.promise,
    observer: {
      next: (value: T) => void seen.push(value),
      error: (error: unknown) => (seen.push({ error }), ended.resolve()),
      complete: () => (seen.push('complete'), ended.resolve()),
    },
  };
}

describe('pushStream', () => {
  it('starts the producer at subscribe, once per subscription, and hands each value over inside the call to next', async () => {
    let runs = 0;
    const stream = pushStream<number>(async (sink) => {
      runs += 1;
      sink.next(1);
      await null;
      sink.next(2);
    });
    expect(runs).toBe(0);
    const first = recorder<number>();
    stream.subscribe(first.observer);
    // The first value arrived before subscribe returned: no promise between producer and subscriber.
    expect([runs, first.seen]).toEqual([1, [1]]);
    await first.ended;
    expect(first.seen).toEqual([1, 2, 'complete']);
    const second = recorder<number>();
    stream.subscribe(second.observer);
    await second.ended;
    expect([runs, second.seen]).toEqual([2, [1, 2, 'complete']]);
  });

  it('fails the stream with what the producer rejects with, after the values it pushed', async () => {
    const failure = new Error('boom');
    const { seen, ended, observer } = recorder<string>();
    pushStream<string>(async (sink) => {
      sink.next('a');
      await null;
      throw failure;
    }).subscribe(observer);
    await ended;
    expect(seen).toEqual(['a', { error: failure }]);
  });

  it('when the subscriber leaves: aborts the signal, closes the sink, and delivers nothing more, not even the end', async () => {
    const { seen, observer } = recorder<string>();
    const stopped = deferred<void>();
    let sink: PushSink<string> | undefined;
    const subscription = pushStream<string>(async (given) => {
      sink = given;
      given.next('before');
      await new Promise((resolve) => given.signal.addEventListener('abort', resolve));
      given.next('after');
      stopped.resolve();
      throw new Error('the read the abort cut short');
    }).subscribe(observer);
    expect(sink?.closed).toBe(false);
    subscription.unsubscribe();
    expect([sink?.closed, sink?.signal.aborted]).toEqual([true, true]);
    await stopped.promise;
    await nextTurn();
    expect(seen).toEqual(['before']);
  });

  it('closes the sink once the stream ended, and leaving afterwards aborts nothing', async () => {
    const { ended, observer } = recorder<string>();
    let sink: PushSink<string> | undefined;
    const subscription = pushStream<string>(async (given) => {
      sink = given;
    }).subscribe(observer);
    await ended;
    expect(sink?.closed).toBe(true);
    subscription.unsubscribe();
    expect(sink?.signal.aborted).toBe(false);
  });
});
