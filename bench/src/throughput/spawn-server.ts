import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from './running-server.js';

const benchDir = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('server-child.ts', import.meta.url));

/** Which part of the stack a child serves (see `server-child.ts`). */
export type ServerRole = 'mock' | 'rivulet' | 'raw';

/** A part of the stack running in a child process. */
export interface ChildServer extends RunningServer {
  /** The CPU time the child has used so far, in ms. */
  cpuMs(): Promise<number>;
}

/**
 * Starts `server-child.ts` as `role` in a Node process of its own and
 * resolves once it listens. The child reads Rivulet the way this process
 * does: from the sources (the `@rivulet/source` condition, as the unit tests
 * and `--conditions=@rivulet/source` runs) or from the built `dist/` (as
 * `pnpm bench`). Closing ends its stdin, on which it stops and exits.
 *
 * Node flags in the environment variable `BENCH_CHILD_NODE_FLAGS` are given
 * to every child (`--cpu-prof --cpu-prof-dir=/tmp/prof` profiles each part;
 * Node refuses `--cpu-prof` in `NODE_OPTIONS`).
 */
export async function spawnServer(role: ServerRole, args: readonly string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...extraFlags(), ...sourceCondition(), '--import', 'tsx', entry, role, ...args], {
    cwd: benchDir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Its stdout is one JSON line per answer: `{ url }` first, then `{ cpuMs }` per `cpu` asked, in order.
  const waiting: ((line: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(JSON.parse(line) as Record<string, unknown>));
  const next = (): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      waiting.push(resolve);
      void exited.then(() => reject(new Error(`server-throughput: the ${role} server exited.`)));
    });
  const { url } = (await next()) as { url: string };
  return {
    url,
    cpuMs: async () => {
      const answer = next();
      child.stdin.write('cpu\n');
      return ((await answer) as { cpuMs: number }).cpuMs;
    },
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

function sourceCondition(): string[] {
  return import.meta.resolve('@rivulet/server').endsWith('/src/index.ts') ? ['--conditions=@rivulet/source'] : [];
}

function extraFlags(): string[] {
  return (process.env['BENCH_CHILD_NODE_FLAGS'] ?? '').split(' ').filter((flag) => flag !== '');
}
