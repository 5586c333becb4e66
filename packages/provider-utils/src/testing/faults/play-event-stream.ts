import { dropConnection } from '../mock-server/drop-connection.js';
import type { EventStreamWriter } from '../mock-server/event-stream-writer.js';
import type { HttpExchange } from '../mock-server/http-exchange.js';
import { sleep } from '../mock-server/sleep.js';
import { SseWriter } from '../mock-server/sse-writer.js';
import { stall } from '../mock-server/stall.js';
import type { WireEvent } from '../mock-server/wire-event.js';
import { answeredRequestId } from './fault-headers.js';
import type { FaultSchedule } from './fault-schedule.js';
import { defaultWrongShapeEvent, type FaultWire } from './fault-wire.js';

/** What {@link playEventStream} plays. */
export interface EventStreamPlay<ErrorShape extends object> {
  /** The reply's events in wire order, finish events included (a truncated reply leaves them out). */
  readonly events: readonly WireEvent[];
  /** The faults to interleave, at their positions. */
  readonly faults: FaultSchedule<ErrorShape>;
  /** The provider's encodings of the faults. */
  readonly wire: FaultWire<ErrorShape>;
  /** Response headers (see `faultHeaders`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Pause before every event but the first, in ms. */
  readonly delayMs?: number | undefined;
  /**
   * Extra events written before the event at a position, not counted as
   * chunks: a provider's own interjections, such as Anthropic's pings.
   */
  readonly asides?: ReadonlyMap<number, readonly WireEvent[]> | undefined;
  /** The framing; server-sent events unless told (`NdjsonWriter` for NDJSON). */
  readonly writer?: EventStreamWriter | undefined;
}

/**
 * Streams a reply's events with the schedule's faults interleaved: at each
 * position (after that many events) a stall, then a drop, an error event
 * (which ends the stream), a malformed event, a wrong-shape event,
 * keep-alives and asides, in that order, then the next event. Resolves once
 * the stream ended, was dropped, or the client left.
 *
 * @example
 * ```ts
 * await playEventStream(exchange, { events: chunks.map((chunk) => jsonEvent(chunk)), faults: reply, wire: acmeFaultWire, headers });
 * ```
 */
export async function playEventStream<ErrorShape extends object>(exchange: HttpExchange, play: EventStreamPlay<ErrorShape>): Promise<void> {
  const { events, faults, wire } = play;
  const writer = play.writer ?? new SseWriter(exchange);
  // Refused before the headers, so the mock server answers a 500 that says why.
  if (faults.keepAliveAfterChunks?.length && writer.keepAlive === undefined) throw new Error('keepAliveAfterChunks: this wire framing has no keep-alive event');
  writer.start({ ...(play.headers !== undefined && { headers: play.headers }) });
  for (let position = 0; position <= events.length; position++) {
    if (faults.stallAfterChunks === position) await stall(faults.stallMs, exchange.signal);
    if (!writer.open) return;
    if (faults.dropAfterChunks === position) return dropConnection(exchange);
    if (faults.errorEventAfterChunks === position) {
      await writer.write(wire.errorEvent(faults.error, answeredRequestId(faults, exchange)));
      return writer.end();
    }
    if (faults.malformedAfterChunks === position) await writer.write(wire.malformedEvent);
    if (faults.wrongShapeAfterChunks === position) await writer.write(wire.wrongShapeEvent ?? defaultWrongShapeEvent);
    if (faults.keepAliveAfterChunks?.includes(position)) await writer.keepAlive?.();
    for (const aside of play.asides?.get(position) ?? []) await writer.write(aside);
    const event = events[position];
    if (event === undefined) break;
    if (position > 0 && play.delayMs !== undefined) await sleep(play.delayMs, exchange.signal);
    await writer.write(event);
  }
  writer.end();
}
