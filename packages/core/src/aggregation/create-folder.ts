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
 */
export function createFolder<C, O>(aggregation: Aggregation<C, O>): Folder<C, O> {
  const state = startFold(aggregation);
  let empty = true;
  return {
    add(chunk) {
      empty = false;
      state.add(chunk);
    },
    get empty() {
      return empty;
    },
    result: () => (empty && aggregation.kind !== 'items' ? undefined : state.result()) as O,
  };
}

function startFold(rule: AggregationRule): FoldState<unknown, unknown> {
  switch (rule.kind) {
    case 'delta':
      return deltaFold();
    case 'snapshot': {
      let last: unknown;
      return { add: (chunk) => void (last = chunk), result: () => last };
    }
    case 'items': {
      const all: unknown[] = [];
      return { add: (chunk) => void all.push(chunk), result: () => all };
    }
    case 'keyed':
      return keyedFold(rule.keys);
    case 'custom':
      return customFold(rule.name).start();
  }
}

function deltaFold(): FoldState<unknown, unknown> {
  let acc: unknown;
  let seen = false;
  let ownArray = false; // `acc` is an array this fold made, safe to push into
  return {
    add(chunk) {
      if (!seen) {
        seen = true;
        acc = chunk;
      } else if (Array.isArray(acc) && Array.isArray(chunk)) {
        if (!ownArray) acc = acc.slice();
        ownArray = true;
        for (const element of chunk) (acc as unknown[]).push(element);
      } else {
        acc = concatChunks(acc, chunk);
      }
    },
    result: () => acc,
  };
}

function keyedFold(keys: Readonly<Record<string, AggregationRule>>): FoldState<unknown, unknown> {
  const folds = new Map<string, FoldState<unknown, unknown>>();
  return {
    add(chunk) {
      for (const [key, value] of Object.entries(chunk as Record<string, unknown>)) {
        let fold = folds.get(key);
        if (fold === undefined) {
          fold = startFold(Object.hasOwn(keys, key) ? (keys[key] as AggregationRule) : { kind: 'snapshot' });
          folds.set(key, fold);
        }
        fold.add(value);
      }
    },
    result() {
      const output: Record<string, unknown> = {};
      for (const [key, fold] of folds) setOwn(output, key, fold.result());
      return output;
    },
  };
}
