import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../../', import.meta.url));

/** Bounds on one child process. */
export interface HeapChildLimits {
  /** V8's old-space limit (`--max-old-space-size`), in MB. */
  readonly maxOldSpaceMb?: number;
  /** The child is killed after this long, in ms. */
  readonly timeoutMs?: number;
}

/**
 * What a child reported: its peak live heap and any other counts on its last
 * line, or why it did not finish. A child prints a JSON line `{ "peakBytes":
 * n }` at each new peak, so one that fails still tells the largest heap it
 * had measured.
 */
export type HeapChildResult =
  | { readonly peakBytes: number; readonly counts: Readonly<Record<string, number>>; readonly failed?: undefined }
  | { readonly peakBytes: number | undefined; readonly failed: 'out of memory' | 'timed out' };

/**
 * Runs a child script of this folder with `--expose-gc` in a fresh process, so
 * each measurement starts from a fresh heap, and reads the peak it reports.
 * Running out of heap or time is a result, not an error.
 */
export function runHeapChild(script: string, args: readonly string[], limits: HeapChildLimits = {}): Promise<HeapChildResult> {
  const flags = ['--expose-gc', ...(limits.maxOldSpaceMb === undefined ? [] : [`--max-old-space-size=${limits.maxOldSpaceMb}`])];
  const file = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...flags, '--import', 'tsx', file, ...args],
      { cwd: benchDir, maxBuffer: 1 << 20, timeout: limits.timeoutMs ?? 0, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const { peakBytes, ...counts } = lastReport(stdout) ?? {};
        if (error === null && peakBytes !== undefined) return resolve({ peakBytes, counts });
        if (/heap out of memory/i.test(stderr)) return resolve({ peakBytes, failed: 'out of memory' });
        if (error?.killed === true) return resolve({ peakBytes, failed: 'timed out' });
        reject(new Error(`${script} ${args.join(' ')} failed: ${stderr.trim() || String(error)}`));
      },
    );
  });
}

function lastReport(stdout: string): { peakBytes: number; [count: string]: number } | undefined {
  const line = stdout.trim().split('\n').at(-1);
  return line ? (JSON.parse(line) as { peakBytes: number }) : undefined;
}
