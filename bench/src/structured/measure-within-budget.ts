import { measureRounds, type MeasureOptions, type Sampled } from '../measure.js';
import { summarize, type Timing } from '../stats/summarize.js';
import { checkedRun, verifyValue } from './checked-run.js';
import type { StreamedDocument } from './streamed-document.js';
import type { DocumentRun, StructuredContender } from './structured-contender.js';

/** How the wide cases measure, and when a slow contender is measured less. */
export interface BudgetPlan {
  /** A smaller size at which `growthOf` is measured too, the same way as on the whole document. */
  readonly growthFrom: number;
  /** A contender whose first whole run takes longer than this (ms) is measured by that one run. */
  readonly runLimitMs: number;
  /**
   * A contender whose run (or preparation) on 1/8 of the document, grown as
   * the square of the size, would take longer than this (ms) is not run whole.
   */
  readonly wholeLimitMs: number;
  readonly rounds: MeasureOptions;
}

/**
 * Every contender's timing by name, and `growthBase` (`growthOf` on the
 * `growthFrom` document) when `growthOf` ran whole; how they were obtained.
 */
export interface BudgetedTimings {
  readonly timings: Record<string, Timing>;
  readonly growthBaseBytes: number;
  readonly note: string;
}

/**
 * Measures `contenders` on `document` round-robin, with `growthOf` also on a
 * document of `plan.growthFrom`, while keeping a contender that grows faster
 * than linearly (a snapshot layer copying a wide open array per snapshot took
 * a minute on 512 KB of numbers) from taking the run hostage:
 *
 * - each first runs on 1/8 of the document (after a warm-up on 1/16); if 64
 *   times that (a quadratic cost) exceeds `wholeLimitMs`, it is not run whole
 *   and its timing is that projection, marked estimated;
 * - one whose first whole run exceeds `runLimitMs` is measured by that run;
 * - the others are measured in rounds.
 */
export async function measureWithinBudget(
  contenders: readonly StructuredContender[],
  growthOf: StructuredContender,
  document: StreamedDocument,
  documentOf: (bytes: number) => StreamedDocument,
  plan: BudgetPlan,
): Promise<BudgetedTimings> {
  const small = documentOf(plan.growthFrom);
  const probes = [documentOf(document.text.length / 16), documentOf(document.text.length / 8)] as const;
  const timings: Record<string, Timing> = {};
  const sampled: Record<string, Sampled> = {};
  const notes: string[] = [];
  for (const contender of contenders) {
    const eighth = await probe(contender, probes);
    const projected = 64 * Math.max(eighth.runMs, eighth.prepareMs);
    if (projected > plan.wholeLimitMs) {
      timings[contender.name] = { ...summarize([64 * eighth.runMs]), estimated: true };
      notes.push(`${contender.name} not run whole: on 1/8 of the document it took ${round(eighth.runMs)} ms (${round(eighth.prepareMs)} ms to prepare), ~64 × that whole`);
      continue;
    }
    const run = await contender.prepare(document);
    const first = await timedRun(contender.name, run, document.expected);
    const growthRun = contender === growthOf ? await contender.prepare(small) : undefined;
    if (first <= plan.runLimitMs) {
      sampled[contender.name] = checkedRun(contender.name, run, document.expected);
      if (growthRun) sampled['growthBase'] = checkedRun(contender.name, growthRun, small.expected);
      continue;
    }
    timings[contender.name] = summarize([first]);
    if (growthRun) timings['growthBase'] = summarize([await timedRun(contender.name, growthRun, small.expected)]);
    notes.push(`${contender.name} measured by one run (over ${plan.runLimitMs} ms)${growthRun ? ', its growth base too' : ''}`);
  }
  Object.assign(timings, await measureRounds(sampled, plan.rounds));
  const note = notes.length === 0 ? '' : `Slow contenders (each first tried on 1/8 of the document): ${notes.join('; ')}.`;
  return { timings, growthBaseBytes: small.text.length, note };
}

/** The contender on 1/8 of the document (prepared and run once, after two warm-up runs on 1/16): ms. */
async function probe(contender: StructuredContender, [sixteenth, eighth]: readonly [StreamedDocument, StreamedDocument]): Promise<{ runMs: number; prepareMs: number }> {
  const warmUp = await contender.prepare(sixteenth);
  verifyValue(contender.name, await warmUp(), sixteenth.expected);
  await warmUp();
  const started = performance.now();
  const run = await contender.prepare(eighth);
  const prepareMs = performance.now() - started;
  return { runMs: await timedRun(contender.name, run, eighth.expected), prepareMs };
}

/** One run's time, in ms; its value is checked once the clock has stopped. */
async function timedRun(name: string, run: DocumentRun, expected: unknown): Promise<number> {
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  verifyValue(name, value, expected);
  return ms;
}

function round(ms: number): string {
  return ms.toPrecision(3);
}
