/**
 * How a runnable's chunks combine into the value `invoke` returns.
 *
 * - `delta`: each chunk is a piece of the output (text deltas, message chunks);
 *   they concatenate.
 * - `snapshot`: each chunk is the whole output so far (partial JSON values); the
 *   last one wins.
 */
export interface Aggregator<T> {
  readonly kind: 'delta' | 'snapshot';
  /** Combines the aggregate so far with the next chunk. Must not mutate either. */
  combine(aggregate: T, chunk: T): T;
}

/**
 * What a step declares about its output: an aggregator; `'input'` for steps
 * whose chunks have the shape of their input chunks (passthrough, pick), which
 * therefore aggregate the way their input does; or a function deriving the
 * aggregator from the input's (composites whose children say `'input'`).
 */
export type AggregatorSpec<T> = Aggregator<T> | 'input' | ((input: Aggregator<unknown>) => Aggregator<T>);

const snapshotAggregator: Aggregator<unknown> = {
  kind: 'snapshot',
  combine: (_aggregate, chunk) => chunk,
};

const deltaAggregator: Aggregator<unknown> = {
  kind: 'delta',
  combine: concatChunks,
};

/** The last chunk wins: for steps that emit snapshots of a growing value. */
export function snapshot<T>(): Aggregator<T> {
  return snapshotAggregator as Aggregator<T>;
}

/**
 * Chunks concatenate: strings join, objects with a `concat` method (message
 * chunks, arrays) use it, anything else is replaced by the later chunk.
 */
export function delta<T>(): Aggregator<T> {
  return deltaAggregator as Aggregator<T>;
}

/** Resolves `'input'` against the aggregator of the step's input. */
export function resolveAggregator<T>(spec: AggregatorSpec<T>, input: Aggregator<unknown>): Aggregator<T> {
  if (spec === 'input') return input as Aggregator<T>;
  return typeof spec === 'function' ? spec(input) : spec;
}

interface Concatenable {
  concat(other: unknown): unknown;
}

function concatChunks(aggregate: unknown, chunk: unknown): unknown {
  if (typeof aggregate === 'string' && typeof chunk === 'string') return aggregate + chunk;
  if (typeof aggregate === 'object' && aggregate !== null && typeof (aggregate as Partial<Concatenable>).concat === 'function') {
    return (aggregate as Concatenable).concat(chunk);
  }
  return chunk;
}
