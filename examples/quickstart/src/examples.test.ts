/**
 * Smoke test of every example: each runs its `start` script offline (API keys
 * stripped from the environment, so the embedded mock server answers), must
 * exit 0 on its own, and must print what it is about.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const examplesDir = fileURLToPath(new URL('../../', import.meta.url));

/** Examples tested elsewhere: `web` and `react-ui` drive a browser in their own tests. */
const skipped = new Set(['web', 'react-ui']);

/** Text each example must print; an example not listed here must print something. */
const expected: Record<string, readonly RegExp[]> = {
  quickstart: [/oxbow lake/, /Haiku 1:/, /Haiku 2:/],
  perplexity: [/\[1\] https:\/\/example\.org\//, /Search results:/],
  'structured-stream': [/3 ingredients \| \{"name":"River trout with lemon"/, /invoke: Fish soup/, /4\. Finish with lemon juice/],
  tools: [/calling get_weather/, /→ river_length: Glomma: 621 km/, /model turn 2/],
  'rxjs-operators': [/\[Porto\] .*"sights":\["Ribeira","Dom Luís I Bridge","Livraria Lello"\]/, /the first closed early by the client/, /Sintra, 28 km/],
  'custom-provider': [/retrying in \d+ ms/, /"status":404,"code":"model_not_found"/, /retryable: false, requests sent: 1/],
  batch: [/16\/16/, /error: 400 content_policy/, /never had more than [1-4] requests in flight/],
  demo: [/"city": "Lisbon"/, /complete after \d+ ms/],
  agent: [/── step 3/, /calling river_flow \{"river":"Glomma","station":"Kongsvinger"\}/, /✓ weather → \{"place":"Elverum","sky":"sunny"/, /Done in 3 steps/, /\(1 step, 1 new message/],
  'ai-sdk-chat': [/page script 200/, /assistant \(\d+ updates\): Turn 1\. Rivers carry water .* arrive\./],
  production: [/cache: 6 calls, 3 requests/, /rate limit: 12 calls at once/, /chat gpt-4o-mini \(model gpt-4o-mini, \d+ tokens in, 12 out\)/, /shared cache: the same answer twice, 1 request|redis-server is not installed/, /batch on BullMQ: 10\/10 done, 0 failed|redis-server is not installed/],
  chat: [/\(4 earlier messages\) You are Ada, and you are going to Lisbon\./, /\[grace\] assistant: \(0 earlier messages\) I don't know your name/, /stored for ada: 6 messages/],
};

const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !skipped.has(entry.name))
  .map((entry) => ({ name: entry.name, dir: join(examplesDir, entry.name) }))
  .filter(({ dir }) => existsSync(join(dir, 'package.json')))
  .map((example) => ({ ...example, start: startScript(example.dir) }))
  .filter((example): example is { name: string; dir: string; start: string } => example.start !== undefined);

function startScript(dir: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return manifest.scripts?.['start'];
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a start script as `pnpm start` would (the package's own bin folder on PATH), offline. */
function run(command: string, cwd: string, timeoutMs: number): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}` };
  for (const name of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'PERPLEXITY_API_KEY', 'RIVULET_MODEL']) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      // The whole process group: the shell and node under it.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`"${command}" in ${cwd} did not exit within ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

describe('examples run offline and exit 0', () => {
  it('finds the examples', () => {
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['quickstart', 'perplexity', 'structured-stream', 'tools', 'rxjs-operators', 'custom-provider', 'batch']));
  });

  // One at a time: the machine has two cores, and each example starts its own server.
  for (const { name, dir, start } of examples) {
    it(name, async () => {
      const { code, stdout, stderr } = await run(start, dir, 60_000);
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout.trim().length).toBeGreaterThan(0);
      for (const pattern of expected[name] ?? []) expect(stdout).toMatch(pattern);
    }, 70_000);
  }
});
