import { describe, expect, it, vi } from 'vitest';
import { Subject, concatMap, from, lastValueFrom, switchMap, toArray } from 'rxjs';
import { lambda, Runnable } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';

describe('RxJS interop', () => {
  it('asOperator runs the runnable over the source values as its input chunks', async () => {
    const upper = Runnable.from<string, string>({
      name: 'upper',
      aggregation: (input) => input,
      doStream: (input) => input.chunks.pipe(concatMap((c) => [c.toUpperCase()])),
    });
    expect(await lastValueFrom(from(['a', 'b', 'c']).pipe(upper.asOperator(), toArray()))).toEqual(['A', 'B', 'C']);
    const whole = lambda((text: string) => text.length);
    expect(await lastValueFrom(from(['ab', 'cd']).pipe(whole.asOperator(), toArray()))).toEqual([4]);
  });

  it('switchMap over stream cancels the previous run when a new input arrives', async () => {
    vi.useFakeTimers();
    try {
      const model = fakeRunnable(['a', 'b', 'c'], { delayMs: 5 });
      const inputs = new Subject<string>();
      const outputs: string[] = [];
      const done = new Promise<void>((resolve) => inputs.pipe(switchMap((x) => model.stream(x))).subscribe({ next: (c) => outputs.push(c), complete: resolve }));
      inputs.next('first');
      // Virtual time: the first run has emitted 'a' (at 5 ms), not 'b' (at 10 ms).
      await vi.advanceTimersByTimeAsync(7);
      expect(outputs).toEqual(['a']);
      inputs.next('second');
      inputs.complete();
      await vi.runAllTimersAsync();
      await done;
      expect(model.cancelled).toBe(1);
      expect(outputs).toEqual(['a', 'a', 'b', 'c']);
    } finally {
      vi.useRealTimers();
    }
  });
});
