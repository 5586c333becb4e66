import { summarize, type Timing } from './summarize.js';

/**
 * Where to sample the per-chunk work of a re-parsing library over a stream of
 * `chunkCount` chunks: the middle chunk of each of `samples` equal strata.
 * With the midpoint rule, a per-chunk cost that grows linearly with the text
 * already read (what re-parsing costs) sums exactly; any smooth growth sums
 * with an error that shrinks as the square of the stratum width.
 */
export function samplePositions(chunkCount: number, samples: number): number[] {
  const count = Math.max(1, Math.min(samples, chunkCount));
  return Array.from({ length: count }, (_, k) => Math.min(chunkCount - 1, Math.floor(((k + 0.5) * chunkCount) / count)));
}

/**
 * The whole stream's time from the per-chunk times measured at
 * {@link samplePositions}: `stepMs[k]` holds the repeated measurements at
 * position k. Each stratum stands for `chunkCount / samples` chunks, so the
 * total is `chunkCount` times the mean step. The median, min and max totals
 * come from each position's median, min and max.
 */
export function estimateTotal(stepMs: readonly (readonly number[])[], chunkCount: number): Timing {
  if (stepMs.length === 0) throw new Error('estimateTotal: no positions');
  const perPosition = stepMs.map((samples) => summarize(samples));
  const total = (pick: (t: Timing) => number): number => (chunkCount * perPosition.reduce((sum, t) => sum + pick(t), 0)) / perPosition.length;
  return {
    median: total((t) => t.median),
    min: total((t) => t.min),
    max: total((t) => t.max),
    runs: Math.min(...perPosition.map((t) => t.runs)),
    estimated: true,
  };
}
