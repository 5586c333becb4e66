import type { AggregationRule } from './aggregation.js';
import { apart, mergeChunks } from './merge-chunks.js';

/** Two waiting values as one, or {@link apart}. */
export type Merge<T> = (first: T, second: T) => T | typeof apart;

/** The merge of a stream whose rule may be learned while streaming (none yet: values stay apart). */
export function mergeByRule<T>(rule: () => AggregationRule | undefined): Merge<T> {
  return (first, second) => {
    const known = rule();
    return known === undefined ? apart : (mergeChunks(known, first, second) as T | typeof apart);
  };
}

/**
 * Chunks waiting for a consumer slower than their producer. A new chunk
 * merges into the last waiting one when the stream's rule allows (snapshots:
 * the later wins; deltas concatenate; keyed: key by key), so a queue of
 * snapshots holds one, and memory stays bounded by the output, not by the
 * number of chunks. Items stay apart: each is information the consumer needs.
 */
export class CoalescingQueue<T> {
  private readonly waiting: T[] = [];
  private head = 0;

  /** `merge` decides whether a new value joins the last waiting one (see {@link mergeByRule}). */
  constructor(private readonly merge: Merge<T>) {}

  /** How many values wait. */
  get size(): number {
    return this.waiting.length - this.head;
  }

  /** Adds a value, merged into the last waiting one when `merge` allows. */
  push(value: T): void {
    if (this.size > 0) {
      const merged = this.merge(this.waiting[this.waiting.length - 1] as T, value);
      if (merged !== apart) {
        this.waiting[this.waiting.length - 1] = merged;
        return;
      }
    }
    this.waiting.push(value);
  }

  /** The oldest waiting chunk; call only when `size > 0`. */
  shift(): T {
    const value = this.waiting[this.head] as T;
    this.waiting[this.head++] = undefined as T;
    if (this.head === this.waiting.length) {
      this.waiting.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    return value;
  }

  /** Drops every waiting value (the consumer left). */
  clear(): void {
    this.waiting.length = 0;
    this.head = 0;
  }
}
