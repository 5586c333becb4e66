import type { AggregationRule } from '@rivulet/core';
import { parsePointer, PatchedDocument, type PatchOperation } from '@rivulet/parsers/patch';
import type { RunStreamItem } from './run-stream-item.js';
import { slotDepth } from './snapshot-slot.js';

/** What a slot hands out: a whole snapshot, or a keyed chunk carrying a nested one. */
export type SlotItem = Exclude<RunStreamItem, { readonly type: 'metadata' }>;

interface Slot {
  readonly segments: readonly string[]; // the slot's keys in a keyed chunk; none for a snapshot stream
  readonly document: PatchedDocument;
  ops: PatchOperation[]; // since the last snapshot handed out
  last?: unknown; // the last snapshot handed out
}

/**
 * The snapshot values of a stream rebuilt from its `patch` events, one
 * {@link PatchedDocument} per slot (the whole chunk of a snapshot stream, or a
 * snapshot key of a keyed one). Each patch is applied in place on a working
 * copy; a snapshot is handed out when the document says it is due, and held
 * ones when the stream pauses or ends, so a stream of any shape costs O(n).
 */
export class SnapshotSlots {
  private readonly slots = new Map<string, Slot>();
  rule: AggregationRule = { kind: 'snapshot' }; // until the `metadata` event says otherwise

  /** True when a change was applied but not handed out yet. */
  get held(): boolean {
    for (const slot of this.slots.values()) if (slot.document.changed) return true;
    return false;
  }

  /** Applies one `patch` event's data; returns the item to hand out now, if one is due. */
  apply(data: string): SlotItem | undefined {
    const ops = JSON.parse(data) as PatchOperation[];
    const first = ops[0];
    if (first === undefined) return undefined;
    const keys = parsePointer(first.path);
    const depth = slotDepth(this.rule, keys) ?? 0;
    const prefix = pointerPrefix(first.path, depth);
    const slot = this.slotAt(prefix, () => keys.slice(0, depth));
    slot.document.apply(
      depth === 0 ? ops : ops.map((op) => ({ ...op, path: op.path.slice(prefix.length) })),
      data.length,
    );
    for (const op of ops) slot.ops.push(op);
    return slot.document.due ? this.take(slot) : undefined;
  }

  /**
   * Applies the operations of the snapshot value at `pointer` (`""` for the
   * whole chunk; paths inside the value) and returns the value now, due or
   * not: for `stream_events`, where every chunk event carries its value.
   * The step on the server spaced its snapshots already, so handing out
   * each one costs what making it cost there. No operations: the same value
   * again.
   */
  snapshotAt(pointer: string, ops: readonly PatchOperation[]): unknown {
    const slot = this.slotAt(pointer, () => parsePointer(pointer));
    slot.document.apply(ops, 0);
    if (slot.document.changed) slot.last = slot.document.publish();
    return slot.last;
  }

  /** Every held change, as items: the stream paused or ended. */
  flush(): SlotItem[] {
    const items: SlotItem[] = [];
    for (const slot of this.slots.values()) if (slot.document.changed) items.push(this.take(slot));
    return items;
  }

  /** The latest value of the whole-chunk slot (for a truncated stream's `partial`). */
  latest(): unknown {
    const root = this.slots.get('');
    return root === undefined ? undefined : root.document.changed ? root.document.publish() : root.last;
  }

  // The slot whose paths begin with `prefix` on the wire, made on its first patch.
  private slotAt(prefix: string, segments: () => readonly string[]): Slot {
    let slot = this.slots.get(prefix);
    if (slot === undefined) {
      slot = { segments: segments(), document: new PatchedDocument(), ops: [] };
      this.slots.set(prefix, slot);
    }
    return slot;
  }

  private take(slot: Slot): SlotItem {
    const value = slot.document.publish();
    slot.last = value;
    const ops = slot.ops;
    slot.ops = [];
    if (slot.segments.length === 0) return { type: 'snapshot', value, ops };
    let chunk: unknown = value;
    for (let i = slot.segments.length - 1; i >= 0; i--) chunk = keyedChunk(slot.segments[i] as string, chunk);
    return { type: 'chunk', value: chunk };
  }
}

function keyedChunk(key: string, value: unknown): Record<string, unknown> {
  const chunk: Record<string, unknown> = {};
  Object.defineProperty(chunk, key, { value, enumerable: true, writable: true, configurable: true });
  return chunk;
}

// The first `depth` segments of a pointer, still escaped: how the slot's paths begin on the wire.
function pointerPrefix(pointer: string, depth: number): string {
  let end = 0;
  for (let i = 0; i < depth; i++) {
    const next = pointer.indexOf('/', end + 1);
    end = next < 0 ? pointer.length : next;
  }
  return pointer.slice(0, end);
}
