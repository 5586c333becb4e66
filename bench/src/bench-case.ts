import type { MeasureOptions } from './measure.js';
import type { Timing } from './stats/summarize.js';
import type { TargetResult } from './targets/target.js';

/** How a run is configured: `--quick` shrinks sizes and repetitions. */
export interface RunSettings extends MeasureOptions {
  readonly quick: boolean;
}

/** The result of one case, in the shape `bench/results/latest.json` keeps. */
export interface CaseResult {
  readonly id: string;
  readonly unit: string;
  /** Rivulet's main contender. */
  readonly rivulet: Timing;
  /** Other Rivulet contenders of the case (e.g. the parser runnables beside the engine). */
  readonly variants?: Readonly<Record<string, Timing>>;
  readonly peers: Readonly<Record<string, Timing>>;
  readonly floor?: Timing;
  /** Sizes the case ran with (bytes, chunks, ...), so results say what was measured. */
  readonly params?: Readonly<Record<string, number | string>>;
  readonly notes?: string;
  /** Filled in once every case ran: the targets this case is judged by. */
  readonly targets?: readonly TargetResult[];
}

/** A benchmark case: measures Rivulet, its peers and a floor in the same run. */
export interface BenchCase {
  readonly id: string;
  run(settings: RunSettings): Promise<CaseResult>;
}
