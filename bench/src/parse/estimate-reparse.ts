import { estimateTotal, samplePositions } from '../stats/reparse-estimate.js';
import type { Timing } from '../stats/summarize.js';
import type { ParseContender } from './parse-contender.js';

/** How densely to sample a re-parsing peer's per-chunk work. */
export interface EstimatePlan {
  /** Evenly spaced positions in the stream. */
  readonly positions: number;
  /** Measurements at each position. */
  readonly repetitions: number;
}

/**
 * A re-parsing peer's time for the whole stream, without running it whole
 * (quadratic: hours at 1 MB for some). Its per-chunk work is timed at evenly
 * spaced positions of the stream (the arrival of the middle chunk of each of
 * `positions` equal strata, after the text accumulated up to there), and
 * the total is the number of chunks times the mean step (midpoint rule, see
 * `estimateTotal`).
 */
export async function estimateReparse(contender: ParseContender, text: string, chunkSize: number, plan: EstimatePlan): Promise<Timing> {
  const stepAt = contender.stepAt;
  if (stepAt === undefined) throw new Error(`${contender.name} cannot be estimated: it has no stepAt`);
  const chunkCount = Math.ceil(text.length / chunkSize);
  const positions = samplePositions(chunkCount, plan.positions);
  const steps = positions.map(() => [] as number[]);
  for (let r = 0; r < plan.repetitions; r++) {
    for (const [k, chunk] of positions.entries()) {
      const start = chunk * chunkSize;
      steps[k]?.push(await stepAt(text.slice(0, start), text.slice(start, start + chunkSize)));
    }
  }
  return estimateTotal(steps, chunkCount);
}
