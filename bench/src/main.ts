/**
 * `pnpm bench [--quick] [--only=id,id]`: runs every case against the built
 * packages, judges the targets, prints a table and writes
 * bench/results/latest.json, the same as Markdown tables in latest.md, and
 * docs/parse-time.svg. A `--quick` run writes latest-quick.{json,md}, a run
 * with `--only` latest-partial.{json,md}, and neither draws the chart, so
 * only a full run replaces the results meant to be committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import type { BenchCase, CaseResult, RunSettings } from './bench-case.js';
import { agentLoop } from './cases/agent-loop.js';
import { batchLambdas } from './cases/batch-lambdas.js';
import { chainStream } from './cases/chain-stream.js';
import { httpStream } from './cases/http-stream.js';
import { httpStreamResponses } from './cases/http-stream-responses.js';
import { httpStreamGoogle } from './cases/http-stream-google.js';
import { httpStreamOllama } from './cases/http-stream-ollama.js';
import { invokeLambdas } from './cases/invoke-lambdas.js';
import { memoryPatch } from './cases/memory-patch.js';
import { modelCache } from './cases/model-cache.js';
import { rateLimiterOverhead } from './cases/rate-limiter.js';
import { serverThroughput } from './cases/server-throughput.js';
import { parseCases } from './cases/parse-cases.js';
import { slowConsumerMemory } from './cases/slow-consumer-memory.js';
import { structuredOutput } from './cases/structured-output.js';
import { uiE2e } from './cases/ui-e2e.js';
import { wideCases } from './cases/wide-cases.js';
import { renderParseChart } from './chart/render-parse-chart.js';
import { formatMarkdown } from './format-markdown.js';
import { formatTable } from './format-table.js';
import { rivuletTargets } from './targets/rivulet-targets.js';
import { withTargets } from './targets/target.js';

// The AI SDK logs a deprecation warning per streamObject call; the bench prints its own table.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const settings: RunSettings = { quick, warmup: quick ? 1 : 3, repetitions: quick ? 3 : 11, settle: 1 };
const cases: BenchCase[] = [
  ...parseCases,
  ...wideCases,
  chainStream,
  invokeLambdas,
  batchLambdas,
  structuredOutput,
  memoryPatch,
  slowConsumerMemory,
  httpStream,
  httpStreamResponses,
  httpStreamOllama,
  httpStreamGoogle,
  agentLoop,
  modelCache,
  rateLimiterOverhead,
  uiE2e,
  serverThroughput,
].filter((benchCase) => only === undefined || only.includes(benchCase.id));

const started = performance.now();
const measured: CaseResult[] = [];
for (const benchCase of cases) {
  // Each case starts from a collected heap, not the garbage of the one before; the pause lets
  // V8's concurrent sweeping finish before the warm-up rounds.
  (globalThis as { gc?: () => void }).gc?.();
  await setTimeout(200);
  const caseStarted = performance.now();
  process.stderr.write(`running ${benchCase.id}...`);
  measured.push(await benchCase.run(settings));
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
