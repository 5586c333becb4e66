// A child process serving the test chains, as a real server would be: the tests
// (in a DOM environment whose fetch and Request are happy-dom's) use it over HTTP
// only. Prints `{"origin": "http://127.0.0.1:<port>"}` once listening.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandler, toNodeListener } from '@rivulet/server';
import { z } from 'zod';
import { counts, messagesChain, planChain, wordsChain } from './chains.js';
import { PlanRequest } from './plan.js';

const routes = {
  '/api/plan/': toNodeListener(createHandler(planChain, { inputSchema: PlanRequest })),
  '/api/words/': toNodeListener(createHandler(wordsChain, { inputSchema: z.object({ count: z.number().int().max(10_000), delayMs: z.number().optional() }) })),
  '/api/messages/': toNodeListener(createHandler(messagesChain)),
};

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/stats') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
  for (const [prefix, listener] of Object.entries(routes)) if (path.startsWith(prefix)) return listener(req, res);
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
// The test process closes stdin when it is done (or dies): leave then.
process.stdin.resume().on('end', () => process.exit(0));
