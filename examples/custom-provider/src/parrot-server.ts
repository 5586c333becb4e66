/**
 * "Parrot", a tiny model API to write a provider for, served on loopback.
 *
 * POST /v1/generate  { "model": "parrot-1", "messages": [{ "role": "user", "text": "..." }] }
 * answers `application/x-ndjson`, one JSON object a line:
 *   { "type": "token", "text": "Squawk" }
 *   { "type": "done", "reason": "stop", "usage": { "input": 3, "output": 9 } }
 * or, when something breaks mid-reply, { "type": "error", "message": "..." }.
 * Errors before the reply are HTTP statuses with { "error": { "code", "message" } }
 * and an `x-request-id` header; 503 comes with `Retry-After`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ParrotServer {
  readonly url: string;
  /** Requests received so far. */
  readonly requestCount: () => number;
  close(): Promise<void>;
}

interface GenerateBody {
  model?: string;
  messages?: { role?: string; text?: string }[];
}

export async function startParrotServer(options: { busyFirst?: boolean } = {}): Promise<ParrotServer> {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    void handle(req, res, count === 1 && options.busyFirst === true).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requestCount: () => count,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, busy: boolean): Promise<void> {
  let raw = '';
  for await (const piece of req) raw += String(piece);
  const requestId = `req_${Math.random().toString(36).slice(2, 10)}`;
  res.setHeader('x-request-id', requestId);
  const fail = (status: number, code: string, message: string): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code, message } }));
  };

  if (req.method !== 'POST' || req.url !== '/v1/generate') return fail(404, 'not_found', `No route ${req.method} ${req.url}`);
  if (busy) {
    res.setHeader('retry-after', '1');
    return fail(503, 'overloaded', 'The parrot is busy. Try again in a second.');
  }
  const body = JSON.parse(raw) as GenerateBody;
  if (body.model !== 'parrot-1') return fail(404, 'model_not_found', `Unknown model "${body.model}"`);

  const said = body.messages?.findLast((m) => m.role === 'user')?.text ?? '';
  const words = `Squawk! ${said} Squawk!`.split(/(?<= )/);
  let closed = false;
  res.on('close', () => (closed = true)); // the client went away: stop generating
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (const [i, word] of words.entries()) {
    if (closed) return;
    if (said.includes('feathers') && i === 3) {
      res.end(`${JSON.stringify({ type: 'error', message: 'The parrot lost its train of thought.' })}\n`);
      return;
    }
    res.write(`${JSON.stringify({ type: 'token', text: word })}\n`);
    await sleep(25);
  }
  const usage = { input: said.split(' ').length, output: words.length };
  res.end(`${JSON.stringify({ type: 'done', reason: 'stop', usage })}\n`);
}
