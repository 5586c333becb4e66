/**
 * `pnpm bench [--quick] [--only=id,id]`: runs every case against the built
 * packages, each in a process of its own (see `runInOwnProcess`), judges the
 * targets, prints a table and writes bench/results/latest.json, the same as
 * Markdown tables in latest.md, and docs/parse-time.svg. A `--quick` run
 * writes latest-quick.{json,md}, a run with `--only` latest-partial.{json,md},
 * and neither draws the chart, so only a full run replaces the results meant
 * to be committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { allCases } from './all-cases.js';
import type { CaseResult } from './bench-case.js';
import { renderParseChart } from './chart/render-parse-chart.js';
import { formatMarkdown } from './format-markdown.js';
import { formatTable } from './format-table.js';
import { runInOwnProcess } from './isolation/run-in-own-process.js';
import { rivuletTargets } from './targets/rivulet-targets.js';
import { withTargets } from './targets/target.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const unknown = only?.filter((id) => !allCases.some((benchCase) => benchCase.id === id)) ?? [];
if (unknown.length > 0) throw new Error(`--only: no case ${unknown.join(', ')}; the cases are ${allCases.map((c) => c.id).join(', ')}`);
const cases = allCases.filter((benchCase) => only === undefined || only.includes(benchCase.id));

const started = performance.now();
const measured: CaseResult[] = [];
for (const benchCase of cases) {
  const caseStarted = performance.now();
  process.stderr.write(`running ${benchCase.id}...`);
  measured.push(await runInOwnProcess(benchCase.id, quick));
  process.stderr.write(` ${((performance.now() - caseStarted) / 1000).toFixed(1)} s\n`);
}
const results = withTargets(measured, rivuletTargets, quick);
const seconds = (performance.now() - started) / 1000;

const report = { node: process.version, quick, date: new Date().toISOString(), seconds: Math.round(seconds), cases: results };
const resultsDir = new URL('../results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const name = quick ? 'latest-quick' : only ? 'latest-partial' : 'latest';
writeFileSync(new URL(`${name}.json`, resultsDir), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(new URL(`${name}.md`, resultsDir), `${formatMarkdown(results)}\n`);
if (name === 'latest') writeFileSync(new URL('../../docs/parse-time.svg', import.meta.url), await renderParseChart(results));

const verdicts = results.flatMap((result) => result.targets ?? []).filter((verdict) => verdict.indicative === undefined);
console.log(formatTable(results));
console.log(`\n${verdicts.filter((v) => v.met).length}/${verdicts.length} targets met; ${seconds.toFixed(0)} s${quick ? ' (--quick)' : ''}, Node ${process.version}`);
