import { abortListeners, sleep, trackTimers } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestScheduler } from 'rxjs/testing';
import { AbortError, lambda, passthrough, TimeoutError, type RunContext, type RunOptions } from '@rivulet/core';
import { fakeRunnable, settle } from '@rivulet/core/testing';

afterEach(() => void vi.useRealTimers());

describe('cancellation', () => {
  it('breaking out of for await cancels every nested producer', async () => {
    let finalized = false;
    const source = lambda(async function* () {
      try {
        for (let i = 0; ; i++) {
          yield `chunk${i}`;
          await sleep(1);
        }
      } finally {
        finalized = true;
      }
    });
    const chain = source.pipe(passthrough<string>()).pipe({ text: passthrough<string>() });
    vi.useFakeTimers();
    for await (const chunk of chain.stream(null)) {
      expect(chunk).toEqual({ text: 'chunk0' });
      break;
    }
    // The generator may be parked on its 1 ms timer: let virtual time reach it.
    await vi.advanceTimersByTimeAsync(5);
    expect(finalized).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unsubscribing stops a run and its timers', async () => {
    vi.useFakeTimers();
    const timers = trackTimers();
    try {
      const fake = fakeRunnable(['a', 'b', 'c'], { delayMs: 20 });
      const chain = lambda((x: string) => x).pipe(fake);
      const subscription = chain.stream('x', { timeout: 1000 }).subscribe();
      expect(fake.active).toBe(1);
      expect(timers.live()).toBe(2);
      subscription.unsubscribe();
      expect(fake.active).toBe(0);
      expect(fake.cancelled).toBe(1);
      expect(timers.live()).toBe(0);
    } finally {
      timers.restore();
    }
  });

  it('aborting the signal ends the stream with AbortError carrying the reason', async () => {
    vi.useFakeTimers().setTimerTickMode('nextTimerAsync');
    const controller = new AbortController();
    const fake = fakeRunnable(['a', 'b', 'c'], { delayMs: 10 });
    const stream = fake.stream('x', { signal: controller.signal });
    const seen: string[] = [];
    const outcome = (async () => {
      for await (const chunk of stream) {
        seen.push(chunk);
        controller.abort(new Error('user left'));
      }
    })();
    const error = await outcome.then(() => undefined, (e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).message).toContain('user left');
    expect(seen).toEqual(['a']);
    expect(fake.active).toBe(0);
  });

  it('an already aborted signal fails at once without running anything', async () => {
    const fake = fakeRunnable(['a']);
    await expect(fake.invoke('x', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(fake.inputs).toEqual([]);
  });

  it.each([
    ['the context itself', (ctx: RunContext): RunOptions => ctx],
    ['a spread copy of the context with extra tags', (ctx: RunContext): RunOptions => ({ ...ctx, tags: [...ctx.tags, 'extra'] })],
  ])('the signal reaches user functions, and an invoke nested through %s', async (_, optionsFrom) => {
    const controller = new AbortController();
    let innerSignal: AbortSignal | undefined;
    let innerStarted!: () => void;
    const started = new Promise<void>((resolve) => (innerStarted = resolve));
    const inner = lambda(async (_: string, ctx: RunContext) => {
      innerSignal = ctx.signal;
      innerStarted();
      await sleep(1000, ctx.signal);
      return 'inner';
    });
    const outer = lambda((x: string, ctx: RunContext) => inner.invoke(x, optionsFrom(ctx)));
    const result = outer.invoke('x', { signal: controller.signal });
    await started;
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(AbortError);
    expect(innerSignal?.aborted).toBe(true);
  });

  // Real timers: the 1 ms delays only interleave the runs, nothing is timed; fake timers would yield a real
  // macrotask per timer (thousands here) and take five times as long.
  it('1,000 runs sharing one signal leave no abort listener and no timer behind', async () => {
    const shared = new AbortController();
    const timers = trackTimers();
    const chain = lambda(async (x: number) => x + 1)
      .pipe(fakeRunnable(['a', 'b'], { delayMs: 1 }))
      .pipe({ upper: (s: string) => s.toUpperCase() })
      .withRetry({ maxAttempts: 2 });
    const runs = Array.from({ length: 1000 }, (_, i) =>
      i % 3 === 0
        ? chain.invoke(i, { signal: shared.signal, timeout: 60_000 })
        : settle(chain.stream(i, { signal: shared.signal, timeout: 60_000 })).then(() => 'settled'),
    );
    expect(abortListeners(shared.signal)).toBeGreaterThan(0);
    const results = await Promise.all(runs);
    expect(results[0]).toEqual({ upper: 'AB' });
    expect(abortListeners(shared.signal)).toBe(0);
    expect(timers.live()).toBe(0);

    // Cancelled half way: the same holds.
    const cancelled = Array.from({ length: 1000 }, (_, i) => chain.stream(i, { signal: shared.signal, timeout: 60_000 }).subscribe());
    // One listener stands for all of them (a fan-out), not one per run.
    expect(abortListeners(shared.signal)).toBe(1);
    expect(timers.live()).toBeGreaterThanOrEqual(1000);
    for (const subscription of cancelled) subscription.unsubscribe();
    expect(abortListeners(shared.signal)).toBe(0);
    expect(timers.live()).toBe(0);
    timers.restore();
  });
});

describe('timeout', () => {
  it('ends a run that takes too long with TimeoutError, in virtual time', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ expectObservable }) => {
      const slow = fakeRunnable(['a', 'b', 'c'], { delayMs: 10 });
      expectObservable(slow.stream('x', { timeout: 25 })).toBe('10ms a 9ms b 4ms #', { a: 'a', b: 'b' }, new TimeoutError({ timeoutMs: 25 }));
    });
  });

  it('a run finishing in time is not affected', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ expectObservable }) => {
      const fast = fakeRunnable(['a', 'b'], { delayMs: 10 });
      expectObservable(fast.stream('x', { timeout: 100 })).toBe('10ms a 9ms (b|)');
    });
  });

  it('withConfig({ timeout }) bounds a nested step', async () => {
    vi.useFakeTimers().setTimerTickMode('nextTimerAsync');
    const slow = fakeRunnable(['late'], { delayMs: 200 }).withConfig({ timeout: 10 });
    const chain = lambda((x: string) => x).pipe(slow);
    const error = await chain.invoke('x').catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeoutMs).toBe(10);
  });
});
