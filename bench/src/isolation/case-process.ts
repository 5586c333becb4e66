/**
 * The process one bench case runs in (see `runInOwnProcess`):
 * `case-process.ts --case=<id> --result=<file> [--quick]` runs the case from
 * a collected heap and writes its `CaseResult` as JSON to the file.
 */
import { writeFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { allCases } from '../all-cases.js';
import type { RunSettings } from '../bench-case.js';

// The AI SDK logs a deprecation warning per streamObject call; the bench prints its own table.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const argument = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const id = argument('case');
const resultFile = argument('result');
const benchCase = allCases.find((c) => c.id === id);
if (benchCase === undefined || resultFile === undefined) throw new Error(`case-process: unknown --case=${id} or no --result`);
const quick = process.argv.includes('--quick');
const settings: RunSettings = { quick, warmup: quick ? 1 : 3, repetitions: quick ? 3 : 11, settle: 1 };

// Start from a collected heap; the pause lets V8's concurrent sweeping finish before the warm-up rounds.
(globalThis as { gc?: () => void }).gc?.();
await setTimeout(200);
writeFileSync(resultFile, JSON.stringify(await benchCase.run(settings)));
// A case may leave handles open (a server's keep-alive sockets): its result is written, so the process is done.
process.exit(0);
