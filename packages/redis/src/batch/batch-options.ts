import type { RunOptions } from '@rivulet/core';
import type { RedisConnection } from '../connection/redis-connection.js';

/** Options of {@link batchQueue}. */
export interface BatchQueueOptions {
  /** Where the queue lives: every process given the same server and name shares it. */
  readonly connection: RedisConnection;
  /** Prefix of the queue's keys (BullMQ's and the results'). Default `'rivulet'`. */
  readonly prefix?: string | undefined;
  /** How long a batch's results are kept after its last result, in ms. Default 24 hours. */
  readonly resultTtlMs?: number | undefined;
}

/** Options of `queue.add`. */
export interface BatchAddOptions {
  /**
   * The batch id (letters, digits, `_`, `.`, `-`). Default: a random UUID.
   * Adding the same inputs again under the same id (after a crash halfway
   * through `add`, say) queues nothing twice.
   */
  readonly id?: string | undefined;
  /**
   * Runs of each input before its error becomes its result, the first
   * included. Only errors worth another attempt are retried (`isRetryableError`:
   * not bad input, unparsable output or a provider's final refusal). Default 1.
   */
  readonly attempts?: number | undefined;
  /** Delay before the first retry, in ms, doubling after each. Default 1,000. */
  readonly backoffMs?: number | undefined;
}

/** Options of `queue.worker`. */
export interface BatchWorkerOptions {
  /** Inputs this worker runs at once. Default 8 (as a model's `batch`). */
  readonly concurrency?: number | undefined;
  /** Options of every run (`tags`, `metadata`, `callbacks` for tracing, `timeout`, ...); `signal` is the worker's own. */
  readonly runOptions?: Omit<RunOptions, 'signal'> | undefined;
  /**
   * How long a worker holds an input without renewing its lock before
   * others consider it dead and run the input again, in ms (BullMQ's
   * `lockDuration`; renewed every half of it). Default 30,000.
   */
  readonly lockDurationMs?: number | undefined;
  /** How often this worker looks for inputs whose worker died (BullMQ's `stalledInterval`), in ms. Default 30,000. */
  readonly stalledIntervalMs?: number | undefined;
  /**
   * How many times an input may lose its worker before its result is an
   * error (an input that crashes every worker running it). Default 1.
   */
  readonly maxStalledCount?: number | undefined;
  /**
   * Called with errors of the worker itself (a lost Redis connection while
   * it retries), not of the inputs, whose errors are their results. Default:
   * a line on `console.error`.
   */
  readonly onError?: ((error: Error) => void) | undefined;
}
