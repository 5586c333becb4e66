import type { BatchResult, RunStream } from '@rivulet/core';

/** How far a batch has come. */
export interface BatchProgress {
  /** Inputs in the batch. */
  readonly total: number;
  /** Inputs with a result, failed ones included. */
  readonly done: number;
  /** Inputs whose result is an error. */
  readonly failed: number;
}

/** Options of reading a batch's results. */
export interface BatchReadOptions {
  /** Stops waiting: `results()` rejects with `AbortError`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A batch in a queue (`queue.add(inputs)`, or `queue.batch(id)` from any
 * process). Its results come in input order, each exactly once, as the
 * workers of any process finish them; a failed input is a result with its
 * `error` (after its retries), never a missing one. Iterating it is
 * iterating `stream()`.
 */
export interface Batch<O> extends AsyncIterable<BatchResult<O>> {
  /** The batch id: pass it to `queue.batch(id)` to read the batch elsewhere. */
  readonly id: string;
  /** How many inputs it has. */
  readonly size: number;
  /**
   * The results in input order, each as soon as it and every result before
   * it are there. Cold: each subscription reads the batch from its first
   * result, on a Redis connection of its own, closed when it ends.
   */
  stream(): RunStream<BatchResult<O>>;
  /** Every result, in input order, once the last one is there. */
  results(options?: BatchReadOptions): Promise<BatchResult<O>[]>;
  /** The progress now, then after each result; completes when every input has one. */
  progress(): RunStream<BatchProgress>;
}
