import { setOwn } from '../run/set-own.js';
import type { Aggregation, AggregationRule } from './aggregation.js';
import { concatChunks } from './concat-chunks.js';
import { customFold, type FoldState } from './custom-aggregations.js';

/** One run's fold of chunks into an output. */
export interface Folder<C, O> {
  /** Folds in the next chunk. */
  add(chunk: C): void;
  /** True until the first chunk. */
  readonly empty: boolean;
  /** The output so far (`undefined` when empty, `[]` for items); the folder may keep going after. */
  result(): O;
}

/**
 * A fresh fold of `aggregation`. Linear in the chunks: deltas of text build
 * one rope, arrays grow in place (copied once), items collect by `push`.
 * Folders are small classes, not closures: every step of every run that
 * needs its input whole makes one.
 */
export function createFolder<C, O>(aggregation: Aggregation<C, O>): Folder<C, O> {
  return startFold(aggregation) as Folder<C, O>;
}

function startFold(rule: AggregationRule): Folder<unknown, unknown> {
  switch (rule.kind) {
    case 'delta':
      return new DeltaFold();
    case 'snapshot':
      return new SnapshotFold();
    case 'items':
      return new ItemsFold();
    case 'keyed':
      return new KeyedFold(rule.keys);
    case 'custom':
      return new CustomFold(customFold(rule.name).start());
  }
}

class SnapshotFold implements Folder<unknown, unknown> {
  empty = true;
  private last: unknown;
  add(chunk: unknown): void {
    this.empty = false;
    this.last = chunk;
  }
  result(): unknown {
    return this.last;
  }
}

class DeltaFold implements Folder<unknown, unknown> {
  empty = true;
  private acc: unknown;
  private ownArray = false; // `acc` is an array this fold made, safe to push into
  add(chunk: unknown): void {
    if (this.empty) {
      this.empty = false;
      this.acc = chunk;
    } else if (Array.isArray(this.acc) && Array.isArray(chunk)) {
      if (!this.ownArray) this.acc = this.acc.slice();
      this.ownArray = true;
      for (const element of chunk) (this.acc as unknown[]).push(element);
    } else {
      this.acc = concatChunks(this.acc, chunk);
    }
  }
  result(): unknown {
    return this.acc;
  }
}

class ItemsFold implements Folder<unknown, unknown[]> {
  empty = true;
  private readonly all: unknown[] = [];
  add(chunk: unknown): void {
    this.empty = false;
    this.all.push(chunk);
  }
  result(): unknown[] {
    return this.all;
  }
}

class KeyedFold implements Folder<unknown, unknown> {
  empty = true;
  private readonly folds = new Map<string, Folder<unknown, unknown>>();
  constructor(private readonly keys: Readonly<Record<string, AggregationRule>>) {}
  add(chunk: unknown): void {
    this.empty = false;
    for (const [key, value] of Object.entries(chunk as Record<string, unknown>)) {
      let fold = this.folds.get(key);
      if (fold === undefined) {
        fold = startFold(Object.hasOwn(this.keys, key) ? (this.keys[key] as AggregationRule) : { kind: 'snapshot' });
        this.folds.set(key, fold);
      }
      fold.add(value);
    }
  }
  result(): Record<string, unknown> | undefined {
    if (this.empty) return undefined;
    const output: Record<string, unknown> = {};
    for (const [key, fold] of this.folds) setOwn(output, key, fold.result());
    return output;
  }
}

class CustomFold implements Folder<unknown, unknown> {
  empty = true;
  constructor(private readonly state: FoldState<unknown, unknown>) {}
  add(chunk: unknown): void {
    this.empty = false;
    this.state.add(chunk);
  }
  result(): unknown {
    return this.empty ? undefined : this.state.result();
  }
}
