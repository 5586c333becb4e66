import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../bench-case.js';
import { summarize } from '../stats/summarize.js';
import { judge, withTargets, type Target } from './target.js';

const result = (id: string, rivulet: number, peer: number): CaseResult => ({
  id,
  unit: 'ms',
  rivulet: summarize([rivulet]),
  peers: { peer: summarize([peer]) },
});

const ratio = (id: string) => (results: ReadonlyMap<string, CaseResult>) => {
  const r = results.get(id);
  return r && r.peers['peer'] ? r.rivulet.median / r.peers['peer'].median : undefined;
};

describe('targets', () => {
  it('meets an upper bound at or below it and misses above', () => {
    const target: Target = { caseId: 'a', description: '≤ 1/10', ratio: ratio('a'), max: 0.1 };
    expect(judge(target, new Map([['a', result('a', 1, 10)]]))).toEqual({ target: '≤ 1/10', actual: 0.1, met: true });
    expect(judge(target, new Map([['a', result('a', 2, 10)]]))?.met).toBe(false);
  });

  it('meets a lower bound at or above it', () => {
    const target: Target = { caseId: 'a', description: '≥ 2', ratio: ratio('a'), min: 2 };
    expect(judge(target, new Map([['a', result('a', 4, 2)]]))?.met).toBe(true);
    expect(judge(target, new Map([['a', result('a', 1, 2)]]))?.met).toBe(false);
  });

  it('only indicates, in a quick run, a target that needs the full size', () => {
    const target: Target = { caseId: 'a', description: '≥ 2', ratio: ratio('a'), min: 2, notJudgedInQuick: 'smaller document' };
    const results = new Map([['a', result('a', 1, 2)]]);
    expect(judge(target, results, true)).toEqual({ target: '≥ 2', actual: 0.5, met: false, indicative: 'smaller document' });
    expect(judge(target, results)).toEqual({ target: '≥ 2', actual: 0.5, met: false });
  });

  it('attaches verdicts to their case and skips targets whose cases did not run', () => {
    const targets: Target[] = [
      { caseId: 'a', description: 'a ≤ 1', ratio: ratio('a'), max: 1 },
      { caseId: 'b', description: 'b ≤ 1', ratio: ratio('b'), max: 1 },
    ];
    const [a] = withTargets([result('a', 1, 2)], targets);
    expect(a?.targets).toEqual([{ target: 'a ≤ 1', actual: 0.5, met: true }]);
  });
});
