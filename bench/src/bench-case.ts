import type { MeasureOptions, Timing } from './measure.js';

/** The result of one case, in the shape `bench/results/latest.json` keeps. */
export interface CaseResult {
  readonly id: string;
  readonly unit: string;
  readonly rivulet: Timing;
  readonly peers: Readonly<Record<string, Timing>>;
  readonly floor?: Timing;
  readonly notes?: string;
}

/** A benchmark case: measures Rivulet, its peers and a floor in the same run. */
export interface BenchCase {
  readonly id: string;
  run(options: MeasureOptions & { readonly quick: boolean }): Promise<CaseResult>;
}
