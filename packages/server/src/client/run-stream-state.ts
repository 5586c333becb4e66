import { SnapshotSlots } from './snapshot-slots.js';
import type { StreamMetadata } from './wire-types.js';

/**
 * What a client knows of one run while it reads it, across connections: the
 * stream's metadata, the snapshots rebuilt so far, the id of the last event
 * seen (what a reconnect sends as `Last-Event-ID`) and whether the run ended.
 */
export class RunStreamState {
  readonly slots = new SnapshotSlots();
  metadata: StreamMetadata | undefined;
  lastEventId: string | undefined;
  /** The server said the run is over (`end` or `error`). */
  ended = false;
  /** An event with an id arrived since this was last reset: the connection made progress. */
  progressed = false;
}
