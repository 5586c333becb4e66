import { measureRounds, type MeasureOptions } from '../measure.js';
import type { Timing } from '../stats/summarize.js';
import { checkedParse } from './checked-parse.js';
import { estimateReparse, type EstimatePlan } from './estimate-reparse.js';
import type { ParseContender } from './parse-contender.js';

/** Re-parsing peers run whole (`check`: also estimated, to show how close the estimate comes), or only estimated. */
export type ReparsePlan = { readonly whole: MeasureOptions; readonly check?: EstimatePlan } | { readonly estimate: EstimatePlan };

/** The re-parsing peers' times, and a note saying how they were obtained. */
export async function measureReparsing(
  peers: readonly ParseContender[],
  text: string,
  chunks: readonly string[],
  expected: unknown,
  plan: ReparsePlan,
): Promise<{ timings: Record<string, Timing>; note: string }> {
  const chunkSize = chunks[0]?.length ?? 1;
  if ('estimate' in plan) {
    const timings: Record<string, Timing> = {};
    for (const peer of peers) timings[peer.name] = await estimateReparse(peer, text, chunkSize, plan.estimate);
    const note =
      `Re-parsing peers (${peers.map((p) => p.name).join(', ')}) estimated, not run whole: their per-chunk work ` +
      `(re-parse of the accumulated text, plus LangChain's deep compare with the previous value) timed at ${plan.estimate.positions} ` +
      `evenly spaced positions of the stream, ${plan.estimate.repetitions} times each; total = chunks × mean step (midpoint rule).`;
    return { timings, note };
  }
  const timings: Record<string, Timing> = await measureRounds(Object.fromEntries(peers.map((c) => [c.name, checkedParse(c, chunks, expected)])), plan.whole);
  let note = `Re-parsing peers measured whole (${plan.whole.repetitions} run${plan.whole.repetitions > 1 ? 's' : ''} each).`;
  if (plan.check) {
    const deviations: string[] = [];
    for (const peer of peers) {
      const estimate = await estimateReparse(peer, text, chunkSize, plan.check);
      deviations.push(`${peer.name} ${percent(estimate.median / (timings[peer.name] as Timing).median - 1)}`);
    }
    note += ` Check of the estimation used at 1 MB (${plan.check.positions} positions × ${plan.check.repetitions}): estimate vs whole ${deviations.join(', ')}.`;
  }
  return { timings, note };
}

function percent(fraction: number): string {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(0)}%`;
}
