import { apart, mergeChunks, type AggregationRule, type RunEvent } from '@rivulet/core';

/**
 * Whether two `stream_events` events waiting for a slow client can travel as
 * one: only two `chunk` events of the same run, merged by the rule that
 * run's `start` announced (snapshots: the later wins; deltas join; keyed:
 * key by key; items: never), so folding a run's chunks gives the same value
 * with or without the merge. Anything else stays apart: a `start`, `end` or
 * `error` between two chunks keeps them apart, since the merge only ever
 * sees the last waiting event. Call {@link note} on every event, in order,
 * as it joins the queue: the merger holds the rule of each run in flight
 * and forgets it at the run's `end` or `error`.
 *
 * @example
 * ```ts
 * const merger = new RunEventMerger();
 * const queue = new CoalescingQueue<RunEvent>((first, second) => merger.merge(first, second));
 * chain.streamEvents(input).subscribe((event) => (merger.note(event), queue.push(event)));
 * ```
 */
export class RunEventMerger {
  private readonly rules = new Map<string, AggregationRule>();

  /** Learns a run's rule from its `start`, forgets it at its `end` or `error`. */
  note(event: RunEvent): void {
    if (event.type === 'start') this.rules.set(event.runId, event.data.aggregate);
    else if (event.type !== 'chunk') this.rules.delete(event.runId);
  }

  /** `second` folded into `first` as one `chunk` event (the labels of `second`), or `apart`. */
  merge(first: RunEvent, second: RunEvent): RunEvent | typeof apart {
    if (first.type !== 'chunk' || second.type !== 'chunk' || first.runId !== second.runId) return apart;
    const rule = this.rules.get(second.runId);
    if (rule === undefined) return apart;
    const chunk = mergeByRule(rule, first.data.chunk, second.data.chunk);
    return chunk === apart ? apart : { ...second, data: { chunk } };
  }
}

function mergeByRule(rule: AggregationRule, first: unknown, second: unknown): unknown {
  // A rule known at the start can be a guess (a remote step says `delta` until its server answers, then sends
  // keyed objects): deltas that would not join, where the later would replace the earlier, stay apart.
  if (rule.kind === 'delta' && !joins(first, second)) return apart;
  try {
    return mergeChunks(rule, first, second);
  } catch {
    return apart; // a custom fold this process does not define (a remote step's): its chunks travel as they came
  }
}

// Strings join, and values with a `concat` method (message chunks, arrays) concatenate: see core's `concatChunks`.
function joins(first: unknown, second: unknown): boolean {
  if (typeof first === 'string') return typeof second === 'string';
  return typeof first === 'object' && first !== null && typeof (first as { concat?: unknown }).concat === 'function';
}
