import type { AggregationRule } from './aggregation.js';
import { apart, mergeChunks } from './merge-chunks.js';

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

  /** `rule` is read at the first merge, so it may be learned while streaming. */
  constructor(private readonly rule: () => AggregationRule | undefined) {}

  get size(): number {
    return this.waiting.length - this.head;
  }

  push(chunk: T): void {
    const rule = this.size > 0 ? this.rule() : undefined;
    if (rule !== undefined) {
      const merged = mergeChunks(rule, this.waiting[this.waiting.length - 1], chunk);
      if (merged !== apart) {
        this.waiting[this.waiting.length - 1] = merged as T;
        return;
      }
    }
    this.waiting.push(chunk);
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

  clear(): void {
    this.waiting.length = 0;
    this.head = 0;
  }
}
