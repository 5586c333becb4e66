/** A measurement: the median of its samples, with their min and max to show the noise. */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** How many samples it summarizes. */
  readonly runs: number;
  /** Set when the value was estimated from sampled per-chunk work rather than measured whole. */
  readonly estimated?: true;
}

/**
 * Median, min and max of `samples`. Medians resist the bursts of a shared,
 * noisy machine; min–max shows how much noise there was.
 */
export function summarize(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, runs: sorted.length };
}

/** A timing multiplied by `factor`, e.g. to turn ms per sample into µs per call. */
export function scaleTiming(timing: Timing, factor: number): Timing {
  return { ...timing, median: timing.median * factor, min: timing.min * factor, max: timing.max * factor };
}
