/** Phantom key carrying an aggregation's chunk and output types; never present at run time. */
export declare const aggregationTypes: unique symbol;

/** Chunks are pieces of the output: strings join, message chunks and arrays concatenate. */
export interface DeltaRule {
  readonly kind: 'delta';
}

/** Each chunk is the whole output so far (a partial JSON value): the last one is the output. */
export interface SnapshotRule {
  readonly kind: 'snapshot';
}

/** Each chunk is one item (an array element, a list item): the output is the array of them. */
export interface ItemsRule {
  readonly kind: 'items';
}

/**
 * Chunks are objects holding some keys (`{ a: chunk }`, as `parallel` emits them):
 * each key folds by its own rule, keys without one keep their last value.
 */
export interface KeyedRule {
  readonly kind: 'keyed';
  readonly keys: Readonly<Record<string, AggregationRule>>;
}

/** A fold registered under `name` with {@link defineAggregation}, on the server and the client alike. */
export interface CustomRule {
  readonly kind: 'custom';
  readonly name: string;
}

/** How chunks fold into an output, as plain data: what travels in a stream's `metadata` event. */
export type AggregationRule = DeltaRule | SnapshotRule | ItemsRule | KeyedRule | CustomRule;

/**
 * How a runnable's chunks `C` fold into the output `O` that `invoke` returns.
 * It is plain, serialisable data (see {@link AggregationRule}); the type
 * parameters exist for the compiler only.
 */
export type Aggregation<C = unknown, O = unknown> = AggregationRule & {
  readonly [aggregationTypes]?: {
    /** Never called: it only carries the types `C` → `O`. */
    fold(chunk: C): O;
  };
};

/** The chunk type of an aggregation. */
export type ChunkOfAggregation<A> = A extends Aggregation<infer C, unknown> ? C : never;

/** The output type of an aggregation. */
export type OutputOfAggregation<A> = A extends Aggregation<never, infer O> ? O : never;

const deltaRule: DeltaRule = Object.freeze({ kind: 'delta' });
const snapshotRule: SnapshotRule = Object.freeze({ kind: 'snapshot' });
const itemsRule: ItemsRule = Object.freeze({ kind: 'items' });

/** Chunks are pieces that concatenate: text deltas, message chunks. */
export function delta<T>(): Aggregation<T, T> {
  return deltaRule;
}

/** Each chunk is the whole value so far; the last wins. `C` may be a partial of `O`. */
export function snapshot<C, O = C>(): Aggregation<C, O> {
  return snapshotRule;
}

/** Each chunk is one item; the output is the array of all. */
export function items<T>(): Aggregation<T, T[]> {
  return itemsRule;
}

/** Keyed chunks, each key folding by its own aggregation. */
export function keyed<M extends Readonly<Record<string, Aggregation>>>(
  keys: M,
): Aggregation<{ [K in keyof M]?: ChunkOfAggregation<M[K]> }, { [K in keyof M]: OutputOfAggregation<M[K]> }> {
  const copy: Record<string, AggregationRule> = {};
  for (const [key, rule] of Object.entries(keys)) Object.defineProperty(copy, key, { value: rule, enumerable: true });
  return { kind: 'keyed', keys: copy };
}

/**
 * What a step declares: its aggregation, or a function deriving it from its
 * input's (steps whose chunks have the shape of their input's, like
 * `passthrough` and `pick`).
 */
export type AggregationSpec<C = unknown, O = unknown> = Aggregation<C, O> | ((input: AggregationRule) => Aggregation<C, O>);

/** Resolves a derived aggregation against the aggregation of the step's input. */
export function resolveAggregation<C, O>(spec: AggregationSpec<C, O>, input: AggregationRule): Aggregation<C, O> {
  return typeof spec === 'function' ? spec(input) : spec;
}

/** True when two rules fold the same way. */
export function sameAggregation(a: AggregationRule, b: AggregationRule): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'custom') return a.name === (b as CustomRule).name;
  if (a.kind !== 'keyed') return true;
  const other = (b as KeyedRule).keys;
  const keys = Object.keys(a.keys);
  return keys.length === Object.keys(other).length && keys.every((k) => Object.hasOwn(other, k) && sameAggregation(a.keys[k] as AggregationRule, other[k] as AggregationRule));
}
