import type { AggregationRule } from '@rivulet/core';
import { escapePointerSegment } from '@rivulet/parsers';
import type { PatchOperation } from '@rivulet/parsers/patch';
import { SnapshotDiffer } from '../patch/snapshot-differ.js';
import type { SseEvent } from '../sse/sse-event.js';
import { toJsonText } from './to-json-text.js';

/** What {@link WireEncoder.split} returns when every part of a chunk was a snapshot value: nothing travels whole. */
export const allSnapshots: unique symbol = Symbol('allSnapshots');

/** Receives the patch of one snapshot value of a chunk: the operations (full paths) from the value sent before at `pointer`. */
export type SnapshotPatchSink = (ops: PatchOperation[], pointer: string) => void;

/**
 * Turns a run's chunks into `data` and `patch` events by the stream's
 * aggregation, so the bytes sent stay O(n): every snapshot value (the whole
 * chunk of a snapshot stream, or a snapshot key of a keyed one, at any depth)
 * travels as the JSON Patch from the previous one sent, with full paths;
 * everything else travels as `data`. Encoding happens when the client is
 * ready for more, so a snapshot that coalesced many is one patch.
 * `stream_events` encodes the chunks of each run through one of these too.
 */
export class WireEncoder {
  private readonly differ = new SnapshotDiffer(); // last snapshot sent, by slot pointer

  constructor(private readonly rule: AggregationRule) {}

  /** The `data` event (the part that travels whole, if any) and one `patch` event per changed snapshot value of `chunk`. */
  encode(chunk: unknown): SseEvent[] {
    const events: SseEvent[] = [];
    const data = this.split(chunk, (ops) => {
      if (ops.length > 0) events.push({ event: 'patch', data: JSON.stringify(ops) });
    });
    if (data !== allSnapshots) events.unshift({ event: 'data', data: toJsonText(data) });
    return events;
  }

  /**
   * Splits `chunk` by the rule: each snapshot value in it goes to `onSnapshot`
   * as its patch (no operations when it did not change), in key order;
   * returns the rest, which travels whole, or {@link allSnapshots} when
   * nothing is left.
   */
  split(chunk: unknown, onSnapshot: SnapshotPatchSink): unknown {
    return this.splitAt(this.rule, chunk, '', onSnapshot);
  }

  private splitAt(rule: AggregationRule, chunk: unknown, pointer: string, onSnapshot: SnapshotPatchSink): unknown {
    if (rule.kind === 'snapshot') {
      onSnapshot(this.differ.next(chunk, pointer), pointer);
      return allSnapshots;
    }
    if (rule.kind !== 'keyed' || typeof chunk !== 'object' || chunk === null) return chunk;
    const data: Record<string, unknown> = {};
    let any = false;
    for (const [key, value] of Object.entries(chunk)) {
      const inner = Object.hasOwn(rule.keys, key)
        ? this.splitAt(rule.keys[key] as AggregationRule, value, `${pointer}/${escapePointerSegment(key)}`, onSnapshot)
        : value;
      if (inner === allSnapshots) continue;
      Object.defineProperty(data, key, { value: inner, enumerable: true, writable: true, configurable: true });
      any = true;
    }
    return any ? data : allSnapshots;
  }
}
