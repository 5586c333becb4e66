import { expect, test } from 'vitest';
import type { CaseResult } from '../bench-case.js';
import { RAW_BASELINE } from '../cases/server-throughput.js';
import { summarize } from '../stats/summarize.js';
import { rivuletTargets } from './rivulet-targets.js';
import { withTargets } from './target.js';

// ms per stream are 1 ÷ throughput: a slower Rivulet has a larger time and a smaller ratio.
const throughput = (rivuletMs: number, baselineMs: number): CaseResult => ({
  id: 'server-throughput',
  unit: 'ms/stream at 200 in flight (1000 ÷ runs/s)',
  rivulet: summarize([rivuletMs]),
  peers: { [RAW_BASELINE]: summarize([baselineMs]) },
});

test('server-throughput is judged on Rivulet’s runs per second over the baseline’s, at least 0.7', () => {
  const [met] = withTargets([throughput(10, 8)], rivuletTargets);
  expect(met?.targets).toEqual([expect.objectContaining({ actual: 0.8, met: true })]);
  const [missed] = withTargets([throughput(20, 8)], rivuletTargets);
  expect(missed?.targets).toEqual([expect.objectContaining({ actual: 0.4, met: false })]);
});
