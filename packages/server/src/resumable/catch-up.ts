import { apart, mergeChunks, type AggregationRule } from '@rivulet/core';
import { SnapshotSlots } from '../client/snapshot-slots.js';
import { reviveChunk } from '../remote/revive-chunk.js';
import type { SseEvent } from '../sse/sse-event.js';
import { WireEncoder } from '../wire/wire-encoder.js';
import { fromStoredEvent } from './stored-event.js';
import type { StoredStreamEvent } from './stream-store.js';

/** A run of `data` events folded into one chunk, and the id of the last of them. */
interface DataGroup {
  chunk: unknown;
  id: number;
}

/**
 * What a client that has seen the events up to `after` needs to be up to
 * date with `events` (every event of the run stored so far, from the first),
 * in as few events as the rule allows, not a replay:
 *
 * - each snapshot value changed after `after` as one `add` of its whole
 *   current value (rebuilt from every patch since the first), first;
 * - the `data` chunks after `after` folded by the rule (text deltas joined
 *   into one, keyed chunks key by key; items stay one event each);
 * - then `error` and `end` if the run got there.
 *
 * Ids keep the client's `Last-Event-ID` exact: the whole-value `add`s carry
 * none (applying one twice is harmless), each folded `data` event carries the
 * id of the last event it covers and the last event the id of the last
 * stored, so a connection cut anywhere in the catch-up resumes without a
 * chunk seen twice or lost.
 */
export function catchUp(rule: AggregationRule, events: readonly StoredStreamEvent[], after: number): SseEvent[] {
  const slots = new SnapshotSlots();
  slots.rule = rule;
  let slotChunk: unknown = apart;
  const fold = (value: unknown): void => {
    slotChunk = slotChunk === apart ? value : mergeChunks(rule, slotChunk, value);
  };
  const groups: DataGroup[] = [];
  const ends: SseEvent[] = [];
  let seen = true; // still among the events the client has
  for (const stored of events) {
    const event = fromStoredEvent(stored.data, stored.id);
    if (seen && stored.id > after) {
      seen = false;
      slots.flush(); // what the client has: not sent again unless it changes
    }
    if (event.event === 'patch') {
      const item = slots.apply(event.data);
      if (!seen && item !== undefined) fold(item.value);
    } else if (seen) {
      continue;
    } else if (event.event === 'data') {
      addData(groups, rule, reviveChunk(JSON.parse(event.data), rule), stored.id);
    } else {
      ends.push(event);
    }
  }
  if (!seen) for (const item of slots.flush()) fold(item.value);
  const encoder = new WireEncoder(rule);
  const frames: SseEvent[] = [
    ...(slotChunk === apart ? [] : encoder.encode(slotChunk)),
    ...groups.flatMap((group) => encoder.encode(group.chunk).map((event) => ({ ...event, id: group.id }))),
    ...ends,
  ];
  const last = frames.at(-1);
  const lastId = events.at(-1)?.id ?? 0;
  if (last !== undefined && lastId > after) frames[frames.length - 1] = { ...last, id: lastId };
  return frames;
}

// Folds a data chunk into the last group when the rule merges them; else it starts a group of its own.
function addData(groups: DataGroup[], rule: AggregationRule, chunk: unknown, id: number): void {
  const last = groups.at(-1);
  const merged = last === undefined ? apart : mergeChunks(rule, last.chunk, chunk);
  if (last === undefined || merged === apart) groups.push({ chunk, id });
  else {
    last.chunk = merged;
    last.id = id;
  }
}
