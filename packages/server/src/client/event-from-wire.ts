import type { RunEvent } from '@rivulet/core';
import type { LabelBook } from './run-labels.js';
import type { WireRunEvent } from './wire-run-event.js';

/**
 * A `stream_events` event with the labels the server left out put back
 * from `book` (see `eventToWire`); call it on every event of a
 * stream, in order. The error of an `error` event stays JSON: revive it
 * with `reviveError`.
 */
export function eventFromWire(wire: WireRunEvent, book: LabelBook): RunEvent {
  const base = book.baseOf(wire.runId, wire.parentRunId);
  const metadata = wire.metadata ?? (wire.moreMetadata === undefined ? base.metadata : { ...base.metadata, ...wire.moreMetadata });
  const labels = { name: wire.name ?? base.name, tags: wire.tags ?? base.tags, metadata };
  book.record(wire.type, wire.runId, labels);
  const { moreMetadata: _more, ...event } = wire;
  return { ...event, ...labels } as RunEvent; // `data` is the server's, decoded from JSON
}
