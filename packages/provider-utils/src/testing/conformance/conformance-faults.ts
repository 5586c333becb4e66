import type { FaultSchedule } from '../faults/fault-schedule.js';
import type { ConformanceReply } from './conformance-reply.js';

/** What {@link conformanceFaults} needs to know about a provider's mock. */
export interface ConformanceFaultWire<ErrorShape extends object> {
  /** Wire events the mock sends before the first text delta (OpenAI: the role chunk, 1; Anthropic: `message_start` and `content_block_start`, 2). */
  readonly leadingEvents: number;
  /** The mock's error object for a message and a code (each may be absent). */
  error(fields: { readonly message?: string | undefined; readonly code?: string | undefined }): ErrorShape;
  /** How the provider sends Retry-After: `retry-after-ms` (default) or `retry-after` in seconds. */
  readonly retryAfter?: 'milliseconds' | 'seconds' | undefined;
}

/**
 * The fault fields of a conformance reply as the mock-server kit's fault
 * schedule, positions shifted to the wire: a conformance adapter spreads the
 * result into its mock's reply and maps only the content (and `truncate`,
 * whose end events are the provider's own).
 *
 * @example
 * ```ts
 * const reply: MockReply = {
 *   text: conformance.text,
 *   ...conformanceFaults(conformance, { leadingEvents: 1, error: ({ message, code }) => ({ message, code }) }),
 * };
 * ```
 */
export function conformanceFaults<ErrorShape extends object>(reply: ConformanceReply, wire: ConformanceFaultWire<ErrorShape>): FaultSchedule<ErrorShape> {
  const at = (chunks: number | undefined): number | undefined => (chunks === undefined ? undefined : chunks + wire.leadingEvents);
  const hasError = reply.errorMessage !== undefined || reply.errorCode !== undefined;
  const wait = reply.retryAfterMs;
  const schedule: Partial<Record<keyof FaultSchedule, unknown>> = {
    status: reply.status,
    error: hasError ? wire.error({ message: reply.errorMessage, code: reply.errorCode }) : undefined,
    requestId: reply.requestId,
    headersDelayMs: reply.headersDelayMs,
    htmlPage: reply.htmlPage,
    stallAfterChunks: reply.stallAfterHeaders === true ? 0 : at(reply.stallAfterChunks),
    dropAfterChunks: at(reply.dropAfterChunks),
    errorEventAfterChunks: at(reply.errorEventAfterChunks),
    malformedAfterChunks: at(reply.malformedAfterChunks),
    wrongShapeAfterChunks: at(reply.wrongShapeAfterChunks),
    keepAliveAfterChunks: reply.keepAliveAfterChunks?.map((chunks) => chunks + wire.leadingEvents),
    ...(wait !== undefined && (wire.retryAfter === 'seconds' ? { retryAfter: wait / 1000 } : { retryAfterMs: wait })),
  };
  // Fields left undefined are dropped, so the schedule reads as written (and `exactOptionalPropertyTypes` holds).
  return Object.fromEntries(Object.entries(schedule).filter(([, value]) => value !== undefined)) as FaultSchedule<ErrorShape>;
}
