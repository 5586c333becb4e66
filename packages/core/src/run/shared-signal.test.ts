import { abortListeners, nextTurn, watchProcess, type ProcessWatch } from '@rivulet/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, lambda, type RunContext } from '@rivulet/core';

/** Process warnings emitted while a test runs (the EventTarget leak warning is one). */
let watch: ProcessWatch;
beforeEach(() => void (watch = watchProcess()));
afterEach(() => watch.stop());

/** Warnings are emitted on a later tick: let them arrive before counting. */
const warningsSoFar = async (): Promise<readonly Error[]> => {
  await nextTurn();
  return watch.warnings;
};

describe('runs sharing one caller signal', () => {
  it('1,000 runs of a batch put one listener on the signal, and none is left after', async () => {
    const controller = new AbortController();
    let most = 0;
    const step = lambda(async (x: number) => {
      most = Math.max(most, abortListeners(controller.signal));
      await Promise.resolve();
      return x * 2;
    });
    const outputs = await step.batch(
      Array.from({ length: 1000 }, (_, i) => i),
      { signal: controller.signal },
    );
    expect(outputs[999]).toBe(1998);
    expect(most).toBe(1);
    expect(abortListeners(controller.signal)).toBe(0);
    expect(await warningsSoFar()).toEqual([]);
  });

  it('15 parallel invokes on one signal all abort with it, with one listener and no warning', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const step = lambda(
      (x: number, ctx: RunContext) =>
        new Promise<number>((_, reject) => {
          started.push(x);
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
        }),
    );
    const runs = Array.from({ length: 15 }, (_, i) => step.invoke(i, { signal: controller.signal }));
    await nextTurn();
    expect(started).toHaveLength(15);
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort();
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.every((outcome) => outcome.status === 'rejected' && outcome.reason instanceof AbortError)).toBe(true);
    expect(abortListeners(controller.signal)).toBe(0);
    expect(await warningsSoFar()).toEqual([]);
  });

  it('nested calls from one step share its signal the same way', async () => {
    const inner = lambda(async (x: number) => x + 1);
    let parentSignal: AbortSignal | undefined;
    let most = 0;
    const outer = lambda(async (count: number, ctx: RunContext) => {
      parentSignal = ctx.signal;
      const spy = lambda(async (x: number, innerCtx: RunContext) => {
        most = Math.max(most, abortListeners(parentSignal as AbortSignal));
        return inner.invoke(x, innerCtx);
      });
      const results = await spy.batch(
        Array.from({ length: count }, (_, i) => i),
        ctx,
      );
      return results.length;
    });
    expect(await outer.invoke(200)).toBe(200);
    expect(most).toBe(1);
    expect(await warningsSoFar()).toEqual([]);
  });

  it('a run that ends removes its listener while others keep theirs', async () => {
    const controller = new AbortController();
    let release!: () => void;
    const slow = lambda(() => new Promise<string>((resolve) => (release = () => resolve('slow'))));
    const fast = lambda(async () => 'fast');
    const pending = slow.invoke(null, { signal: controller.signal });
    expect(await fast.invoke(null, { signal: controller.signal })).toBe('fast');
    expect(abortListeners(controller.signal)).toBe(1);
    release();
    expect(await pending).toBe('slow');
    expect(abortListeners(controller.signal)).toBe(0);
    // A later run on the same signal attaches again and still aborts.
    const hanging = lambda(() => new Promise<never>(() => undefined)).invoke(null, { signal: controller.signal });
    controller.abort();
    await expect(hanging).rejects.toBeInstanceOf(AbortError);
  });
});
