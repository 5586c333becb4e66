import type { CaseResult } from '../bench-case.js';

/** A performance target, judged on the results of one run. */
export interface Target {
  /** The case it belongs to. */
  readonly caseId: string;
  /** What is promised, e.g. `engine ≤ 20 × JSON.parse`. */
  readonly description: string;
  /** The measured ratio, or undefined when the results it needs are missing. */
  ratio(results: ReadonlyMap<string, CaseResult>): number | undefined;
  /** The ratio must be at most (`max`) or at least (`min`) this. */
  readonly max?: number;
  readonly min?: number;
  /**
   * Set when `--quick` measures something smaller than the target speaks of
   * (a ratio to a quadratic peer shrinks with the document): why the quick
   * run's ratio is only indicative, not judged.
   */
  readonly notJudgedInQuick?: string;
}

/** A target's verdict, stored with its case. */
export interface TargetResult {
  readonly target: string;
  /** The measured ratio (medians). */
  readonly actual: number;
  readonly met: boolean;
  /** Present when the run could not judge this target (see `Target.notJudgedInQuick`). */
  readonly indicative?: string;
}

/** Judges `target`; undefined when its case or the cases it compares did not run. */
export function judge(target: Target, results: ReadonlyMap<string, CaseResult>, quick = false): TargetResult | undefined {
  const actual = target.ratio(results);
  if (actual === undefined || !Number.isFinite(actual)) return undefined;
  const met = (target.max === undefined || actual <= target.max) && (target.min === undefined || actual >= target.min);
  return { target: target.description, actual, met, ...(quick && target.notJudgedInQuick !== undefined && { indicative: target.notJudgedInQuick }) };
}

/** The results with each case's targets judged and attached. */
export function withTargets(results: readonly CaseResult[], targets: readonly Target[], quick = false): CaseResult[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  return results.map((result) => {
    const verdicts = targets
      .filter((target) => target.caseId === result.id)
      .map((target) => judge(target, byId, quick))
      .filter((verdict): verdict is TargetResult => verdict !== undefined);
    return verdicts.length > 0 ? { ...result, targets: verdicts } : result;
  });
}
