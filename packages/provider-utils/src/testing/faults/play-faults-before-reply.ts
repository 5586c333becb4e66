import { dropConnection } from '../mock-server/drop-connection.js';
import type { HttpExchange } from '../mock-server/http-exchange.js';
import { sendBody, sendJson } from '../mock-server/send-body.js';
import { stall } from '../mock-server/stall.js';
import { answeredRequestId } from './fault-headers.js';
import type { FaultSchedule } from './fault-schedule.js';
import type { FaultWire } from './fault-wire.js';

/**
 * Plays the faults that act before or instead of a reply, in this order: the
 * wait before the headers (forever for `Infinity`), a connection dropped
 * before the headers, an error status, a 200 JSON error body, a 200 HTML page.
 *
 * @returns true when the exchange needs nothing more (answered, dropped, or
 * the client left); false when the mock should write its reply.
 *
 * @example
 * ```ts
 * const headers = faultHeaders(reply, exchange);
 * if (await playFaultsBeforeReply(exchange, reply, acmeFaultWire, headers)) return;
 * await playEventStream(exchange, { events, faults: reply, wire: acmeFaultWire, headers });
 * ```
 */
export async function playFaultsBeforeReply<ErrorShape extends object>(
  exchange: HttpExchange,
  schedule: FaultSchedule<ErrorShape>,
  wire: Pick<FaultWire<ErrorShape>, 'errorBody'>,
  headers: Readonly<Record<string, string>>,
): Promise<boolean> {
  const delay = schedule.headersDelayMs;
  if (delay !== undefined) await stall(Number.isFinite(delay) ? delay : undefined, exchange.signal);
  if (exchange.signal.aborted) return true;
  if (schedule.dropBeforeHeaders === true) {
    dropConnection(exchange);
    return true;
  }
  const requestId = answeredRequestId(schedule, exchange);
  if (schedule.status !== undefined && schedule.status >= 400) {
    if (typeof schedule.error === 'string') sendBody(exchange, schedule.status, 'text/plain; charset=utf-8', schedule.error, headers);
    else sendJson(exchange, schedule.status, wire.errorBody(schedule.status, schedule.error, requestId), headers);
    return true;
  }
  if (schedule.jsonErrorBody === true) {
    sendJson(exchange, 200, wire.errorBody(undefined, schedule.error, requestId), headers);
    return true;
  }
  if (schedule.htmlPage !== undefined) {
    sendBody(exchange, 200, 'text/html; charset=utf-8', schedule.htmlPage, headers);
    return true;
  }
  return false;
}
