import { InputError } from '../errors/input-error.js';
import type { Aggregation } from './aggregation.js';

/** One run's accumulator of a custom fold. */
export interface FoldState<C, O> {
  /** Folds in the next chunk. */
  add(chunk: C): void;
  /** The output so far. */
  result(): O;
}

/** A named fold, as {@link defineAggregation} registers it. */
export interface CustomFold<C, O> {
  /** Unique name; it is what travels on the wire, so the client must register the same fold. */
  readonly name: string;
  /** A fresh accumulator for one run. */
  start(): FoldState<C, O>;
  /**
   * Two waiting chunks as one, for a consumer slower than its producer;
   * without it, waiting chunks queue up one by one.
   */
  merge?(first: C, second: C): C;
}

// One registry per process, shared by every copy of @rivulet/core.
const registryKey = Symbol.for('rivulet.custom-aggregations');
const registry: Map<string, CustomFold<unknown, unknown>> = ((globalThis as Record<symbol, unknown>)[registryKey] ??= new Map()) as Map<
  string,
  CustomFold<unknown, unknown>
>;

/**
 * Registers a custom fold and returns its aggregation, for chunks none of the
 * built-in rules describe. Register it on every process that folds the
 * stream (a server and its `RemoteRunnable` clients).
 *
 * @example
 * ```ts
 * const sum = defineAggregation<number, number>({
 *   name: 'sum',
 *   start: () => { let total = 0; return { add: (n) => void (total += n), result: () => total }; },
 *   merge: (a, b) => a + b,
 * });
 * ```
 */
export function defineAggregation<C, O>(fold: CustomFold<C, O>): Aggregation<C, O> {
  const existing = registry.get(fold.name);
  if (existing !== undefined && existing !== fold) throw new InputError(`An aggregation named "${fold.name}" is already defined.`);
  registry.set(fold.name, fold as CustomFold<unknown, unknown>);
  return { kind: 'custom', name: fold.name };
}

/** The fold registered under `name`; `InputError` when there is none. */
export function customFold(name: string): CustomFold<unknown, unknown> {
  const fold = registry.get(name);
  if (fold === undefined) throw new InputError(`No aggregation named "${name}" is defined in this process: call defineAggregation() with it first.`);
  return fold;
}
