import { summarize, type Timing } from './stats/summarize.js';

/** How hard to measure. */
export interface MeasureOptions {
  /** Unmeasured rounds first (JIT warm-up). */
  readonly warmup: number;
  /** Measured rounds: samples per function. */
  readonly repetitions: number;
  /**
   * Unmeasured calls of the same function right before each sample (default
   * 0). The first call after another library's run can be twice as slow (its
   * garbage, its GC, caches V8 clears at a full GC), which would charge one
   * library for another's work; for quick functions one settling call is
   * cheap and makes each sample measure the function in its own steady state.
   */
  readonly settle?: number;
  /**
   * Keep adding rounds (up to 10 × `repetitions`) until the measured rounds
   * took at least this long. Quick functions then sample over seconds rather
   * than a fraction of one, so a burst of load from another process on this
   * shared machine skews a few samples, not all of them.
   */
  readonly minDurationMs?: number;
}

/** What is measured: one sample is one call, in ms. */
export type Sampled = () => unknown;

/**
 * Measures several functions round-robin: after `warmup` unmeasured rounds,
 * each round runs every function once, so slow drifts of a shared machine
 * (another job starting, thermal throttling) hit all of them alike and their
 * ratios hold.
 *
 * No GC is forced between samples: on this 2-core machine a forced full GC
 * leaves concurrent sweeping behind that made the next few milliseconds of
 * the next sample up to 10 × slower. Samples are long enough instead (tens of
 * ms or more) for each function to pay for its own garbage.
 */
export async function measureRounds<K extends string>(fns: Readonly<Record<K, Sampled>>, options: MeasureOptions): Promise<Record<K, Timing>> {
  const names = Object.keys(fns) as K[];
  for (let round = 0; round < options.warmup; round++) for (const name of names) await fns[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
  const started = performance.now();
  const enough = (round: number): boolean =>
    round >= options.repetitions && (round >= options.repetitions * 10 || performance.now() - started >= (options.minDurationMs ?? 0));
  for (let round = 0; !enough(round); round++) {
    for (const name of names) {
      for (let i = 0; i < (options.settle ?? 0); i++) await fns[name]();
      samples[name].push(await timeOnce(fns[name]));
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as unknown as Record<K, Timing>;
}

/** Measures one function (see {@link measureRounds}). */
export async function measure(fn: Sampled, options: MeasureOptions): Promise<Timing> {
  return (await measureRounds({ fn }, options)).fn;
}

/** One call of `fn`, in ms. */
export async function timeOnce(fn: Sampled): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
