import type { RunEvent } from '@rivulet/core';
import { parsePointer, setOwn } from '@rivulet/parsers/patch';
import { eventFromWire } from './event-from-wire.js';
import { LabelBook } from './run-labels.js';
import { SnapshotSlots } from './snapshot-slots.js';
import type { WireChunkData, WireRunEvent } from './wire-run-event.js';

/**
 * What the client keeps while it reads one `stream_events` stream, the
 * mirror of the server's `EventEncoder`: the labels of each run, and for
 * each run in flight whose chunks come as patches, the snapshot values
 * rebuilt so far ({@link SnapshotSlots}, the machinery `/stream` uses), so
 * every `chunk` event gets its whole value back. Successive values of a run
 * share their unchanged subtrees, as the server's do. A run's state goes at
 * its `end` or `error`. The error of an `error` event stays the server's
 * JSON (`{ name, message, ... }`): `RemoteRunnable` revives it as a typed
 * error.
 */
export class EventDecoder {
  private readonly labels = new LabelBook();
  private readonly snapshots = new Map<string, SnapshotSlots>();

  /** The run event that `wire` stands for; call it on every event of a stream, in order. */
  decode(wire: WireRunEvent): RunEvent {
    const event = eventFromWire(wire, this.labels);
    if (event.type === 'chunk') {
      const data = wire.data as WireChunkData; // the server's, decoded from JSON
      if ('patch' in data) return { ...event, data: { chunk: this.slotsOf(event.runId).snapshotAt('', data.patch) } };
      if ('patches' in data) return { ...event, data: { chunk: this.keyedChunk(event.runId, data) } };
    } else if (event.type === 'end' || event.type === 'error') {
      this.snapshots.delete(event.runId);
    }
    return event;
  }

  private slotsOf(runId: string): SnapshotSlots {
    let slots = this.snapshots.get(runId);
    if (slots === undefined) this.snapshots.set(runId, (slots = new SnapshotSlots()));
    return slots;
  }

  // The rest of the chunk (fresh from JSON.parse, so ours to fill) with each snapshot value put back at its pointer.
  private keyedChunk(runId: string, data: Extract<WireChunkData, { readonly patches: unknown }>): unknown {
    const slots = this.slotsOf(runId);
    let chunk: unknown = data.chunk ?? {};
    for (const [pointer, ops] of Object.entries(data.patches)) chunk = placeAt(chunk, parsePointer(pointer), slots.snapshotAt(pointer, ops));
    return chunk;
  }
}

// `value` at the path `keys` inside `root` (made an object where it is not one), as an own member.
function placeAt(root: unknown, keys: readonly string[], value: unknown): unknown {
  const last = keys.at(-1);
  if (last === undefined) return value;
  const top = isObject(root) ? root : {};
  let at = top;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(at, key) ? at[key] : undefined;
    if (isObject(next)) {
      at = next;
    } else {
      const made: Record<string, unknown> = {};
      setOwn(at, key, made);
      at = made;
    }
  }
  setOwn(at, last, value);
  return top;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
