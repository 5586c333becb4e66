import type { HttpExchange } from '../mock-server/http-exchange.js';
import type { FaultSchedule } from './fault-schedule.js';

/**
 * The response headers a schedule asks for, on any answer: its `headers`,
 * then the retry hints and the replaced request id.
 */
export function faultHeaders(schedule: FaultSchedule, exchange: HttpExchange): Record<string, string> {
  return {
    ...schedule.headers,
    ...(schedule.retryAfter !== undefined && { 'retry-after': String(schedule.retryAfter) }),
    ...(schedule.retryAfterMs !== undefined && { 'retry-after-ms': String(schedule.retryAfterMs) }),
    ...(schedule.requestId !== undefined && { [exchange.requestIdHeader]: schedule.requestId }),
  };
}

/** The request id an answer carries: the schedule's, else the generated one. */
export function answeredRequestId(schedule: FaultSchedule, exchange: HttpExchange): string {
  return schedule.requestId ?? exchange.record.requestId;
}
