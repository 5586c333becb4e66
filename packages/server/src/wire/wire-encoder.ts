import type { AggregationRule } from '@rivulet/core';
import { escapePointerSegment } from '@rivulet/parsers';
import { SnapshotDiffer } from '../patch/snapshot-differ.js';
import type { SseEvent } from '../sse/sse-event.js';
import { toJsonText } from './to-json-text.js';

/**
 * Turns a run's chunks into `data` and `patch` events by the stream's
 * aggregation, so the bytes sent stay O(n): every snapshot value (the whole
 * chunk of a snapshot stream, or a snapshot key of a keyed one, at any depth)
 * travels as the JSON Patch from the previous one sent, with full paths;
 * everything else travels as `data`. Encoding happens when the client is
 * ready for more, so a snapshot that coalesced many is one patch.
 */
export class WireEncoder {
  private readonly differ = new SnapshotDiffer(); // last snapshot sent, by slot pointer

  constructor(private readonly rule: AggregationRule) {}

  encode(chunk: unknown): SseEvent[] {
    const events: SseEvent[] = [];
    const data = this.split(this.rule, chunk, '', events);
    if (data !== skip) events.unshift({ event: 'data', data: toJsonText(data) });
    return events;
  }

  // The part of `chunk` that travels as data (or `skip`), pushing a patch event per snapshot slot.
  private split(rule: AggregationRule, chunk: unknown, pointer: string, events: SseEvent[]): unknown {
    if (rule.kind === 'snapshot') {
      const ops = this.differ.next(chunk, pointer);
      if (ops.length > 0) events.push({ event: 'patch', data: JSON.stringify(ops) });
      return skip;
    }
    if (rule.kind !== 'keyed' || typeof chunk !== 'object' || chunk === null) return chunk;
    const data: Record<string, unknown> = {};
    let any = false;
    for (const [key, value] of Object.entries(chunk)) {
      const inner = Object.hasOwn(rule.keys, key) ? this.split(rule.keys[key] as AggregationRule, value, `${pointer}/${escapePointerSegment(key)}`, events) : value;
      if (inner === skip) continue;
      Object.defineProperty(data, key, { value: inner, enumerable: true, writable: true, configurable: true });
      any = true;
    }
    return any ? data : skip;
  }
}

const skip: unique symbol = Symbol('skip');
