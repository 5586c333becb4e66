/** Timing of one measured function over repetitions. */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** How hard to measure. */
export interface MeasureOptions {
  readonly warmup: number;
  readonly repetitions: number;
}

/**
 * Runs `fn` `warmup` times unmeasured, then `repetitions` times measured, and
 * returns the median, min and max duration in ms. Medians resist the noise of
 * a shared machine; min–max shows how much there was.
 */
export async function measure(fn: () => unknown, { warmup, repetitions }: MeasureOptions): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)] ?? Number.NaN,
    min: samples[0] ?? Number.NaN,
    max: samples[samples.length - 1] ?? Number.NaN,
  };
}

/** A timing multiplied by `factor`, e.g. to turn ms per sample into µs per call. */
export function scaleTiming(timing: Timing, factor: number): Timing {
  return { median: timing.median * factor, min: timing.min * factor, max: timing.max * factor };
}
