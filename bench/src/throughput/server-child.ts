/**
 * A child process of `server-throughput` serving one part of the stack on
 * loopback, so each part has an event loop (and a core, when one is free) of
 * its own. Argument 1: `mock` (the mock OpenAI model), `rivulet` or `raw`
 * (a server under test); argument 2, for a server under test: the mock
 * model's URL. Prints one JSON line `{ "url" }` once listening; then answers
 * each line `cpu` on its stdin with a line `{ "cpuMs" }` (its CPU time so
 * far); stops its server and exits when its stdin closes (the parent ended
 * it, or died).
 */
import { createInterface } from 'node:readline';
import { cpuMs } from './cpu-ms.js';
import { startMockModel } from './mock-model.js';
import type { RunningServer } from './running-server.js';
import { startRawServer } from './raw-server.js';
import { startRivuletServer } from './rivulet-server.js';

const [role, modelUrl = ''] = process.argv.slice(2);
const starters: Record<string, () => Promise<RunningServer>> = {
  mock: startMockModel,
  rivulet: () => startRivuletServer(modelUrl),
  raw: () => startRawServer(modelUrl),
};
const start = starters[role ?? ''];
if (start === undefined) throw new Error(`server-child: unknown role ${role}`);
const server = await start();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line === 'cpu') process.stdout.write(`${JSON.stringify({ cpuMs: cpuMs() })}\n`);
  })
  .once('close', () => void server.close().then(() => process.exit(0)));
