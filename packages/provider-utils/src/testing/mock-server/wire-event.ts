/**
 * One event of a streamed answer as a mock writes it: its data, and for
 * server-sent events an optional event name (`event: message_start`). An
 * NDJSON writer sends the data as one line and ignores the name.
 */
export interface WireEvent {
  /** The event's data, verbatim (it may be invalid JSON on purpose). */
  readonly data: string;
  /** The SSE event name; none unless told. */
  readonly event?: string | undefined;
}

/**
 * A JSON value as a wire event.
 *
 * @example
 * ```ts
 * jsonEvent({ type: 'message_stop' }, 'message_stop'); // { data: '{"type":"message_stop"}', event: 'message_stop' }
 * ```
 */
export function jsonEvent(value: unknown, event?: string): WireEvent {
  return event === undefined ? { data: JSON.stringify(value) } : { data: JSON.stringify(value), event };
}
