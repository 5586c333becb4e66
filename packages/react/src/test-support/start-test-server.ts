import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunCounts } from './chains.js';

/** The test chains' server, running in its own process. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`: the chains are under `/api/plan`, `/api/words` and `/api/messages`. */
  readonly origin: string;
  /** What the server saw of each chain's runs. */
  counts(name: string): Promise<RunCounts>;
  close(): Promise<void>;
}

/** Starts `serve-test-chains.ts` in a Node process of its own (sources read through the `@rivulet/source` condition). */
export async function startTestServer(): Promise<TestServer> {
  // Paths from strings: in a DOM environment `URL` is the DOM's, which Node's path functions do not take.
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'serve-test-chains.ts');
  const child = spawn(process.execPath, ['--conditions=@rivulet/source', '--import', 'tsx', entry], { stdio: ['pipe', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      text += data;
      const line = text.split('\n')[0];
      if (text.includes('\n') && line !== undefined) resolve((JSON.parse(line) as { origin: string }).origin);
    });
    child.once('exit', (code) => reject(new Error(`The test server exited with ${code} before listening.`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    origin,
    counts: (name) =>
      new Promise((resolve, reject) => {
        get(`${origin}/stats`, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (data: string) => (body += data));
          res.on('end', () => resolve((JSON.parse(body) as Record<string, RunCounts>)[name] ?? { started: 0, cancelled: 0, finished: 0 }));
        }).on('error', reject);
      }),
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
