/**
 * `pnpm bench [--quick]`: runs every case, prints a table of medians and
 * ratios, and writes bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BenchCase, CaseResult } from './bench-case.js';
import { invokeLambdas } from './cases/invoke-lambdas.js';
import { formatTable } from './format-table.js';

const quick = process.argv.includes('--quick');
const cases: BenchCase[] = [invokeLambdas];

const results: CaseResult[] = [];
for (const benchCase of cases) {
  process.stderr.write(`running ${benchCase.id}...\n`);
  results.push(await benchCase.run({ quick, warmup: quick ? 1 : 3, repetitions: quick ? 5 : 15 }));
}

const resultsDir = new URL('../results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('latest.json', resultsDir), `${JSON.stringify({ node: process.version, quick, cases: results }, null, 2)}\n`);
console.log(formatTable(results));
