import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from '../bench-case.js';

const caseProcess = fileURLToPath(new URL('./case-process.ts', import.meta.url));

/**
 * Runs one case in a fresh Node process (same flags as this one: `--expose-gc`,
 * the tsx loader, conditions) and resolves to its result. In one long process
 * a case was measured in the state the cases before it left: their JIT
 * feedback made shared call sites (rxjs subscribers, parser sessions, observer
 * calls) megamorphic and their retained heap made every collection dearer, so
 * a case's ratios moved by 10 to 20 % between a full run and the same case run
 * alone (wide-objects structuredParser 3.34 × in a full run, 2.90 × alone; the
 * Ollama stream 1.22 × and 1.08 ×). Within a case, Rivulet and its peers still
 * share one process and are measured round-robin, so their ratio stays fair.
 */
export async function runInOwnProcess(id: string, quick: boolean): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rivulet-bench-'));
  const resultFile = join(dir, 'result.json');
  try {
    const args = [...process.execArgv, caseProcess, `--case=${id}`, `--result=${resultFile}`, ...(quick ? ['--quick'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, signal) => resolve(signal === null ? exitCode : -1));
    });
    if (code !== 0) throw new Error(`bench case ${id} failed in its process (exit ${code}); its output is above`);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as CaseResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
