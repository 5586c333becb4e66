import { dropConnection } from '../mock-server/drop-connection.js';
import type { HttpExchange } from '../mock-server/http-exchange.js';
import { sendJson } from '../mock-server/send-body.js';
import { stall } from '../mock-server/stall.js';
import { writeFlushed } from '../mock-server/write-flushed.js';
import type { FaultSchedule } from './fault-schedule.js';

/**
 * Answers a request that asked for no stream with one JSON body, playing the
 * schedule's stall and drop: the headers go first, then a stall, or half the
 * body and a drop, so body timeouts and torn bodies can be tested too.
 */
export async function sendJsonWithFaults(
  exchange: HttpExchange,
  body: unknown,
  faults: FaultSchedule,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  if (faults.stallAfterChunks === undefined && faults.dropAfterChunks === undefined) return sendJson(exchange, 200, body, headers);
  const { response, signal } = exchange;
  if (signal.aborted || response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(200, { ...headers, 'content-type': 'application/json' });
  response.flushHeaders();
  exchange.noteStatus(200);
  if (faults.stallAfterChunks !== undefined) await stall(faults.stallMs, signal);
  if (faults.dropAfterChunks !== undefined) {
    await writeFlushed(response, text.slice(0, Math.floor(text.length / 2)), signal);
    if (!signal.aborted) dropConnection(exchange);
    return;
  }
  if (!signal.aborted) response.end(text);
}
