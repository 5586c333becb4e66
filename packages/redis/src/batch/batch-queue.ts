import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { InputError, type Runnable } from '@rivulet/core';
import { positive } from '../connection/check-options.js';
import { closeClient, duplicateClient, openClient, type OpenedClient } from '../connection/redis-connection.js';
import { redisCall } from '../connection/redis-error.js';
import type { Batch } from './batch.js';
import { batchKeys, checkName, jobId } from './batch-keys.js';
import type { BatchJobData } from './batch-job.js';
import type { BatchAddOptions, BatchQueueOptions, BatchWorkerOptions } from './batch-options.js';
import { startBatchWorker, type BatchWorker } from './batch-worker.js';
import { RedisBatch } from './redis-batch.js';

/** A queue of batches: add them from any process, work them on any number of processes. See {@link batchQueue}. */
export interface BatchQueue<I, O> {
  readonly name: string;
  /** Queues one job per input and resolves with the batch, whose results can be read at once. */
  add(inputs: readonly I[], options?: BatchAddOptions): Promise<Batch<O>>;
  /** A batch added earlier (by any process), by its id; `InputError` when there is none (or it expired). */
  batch(id: string): Promise<Batch<O>>;
  /** Starts working the queue's inputs with `runnable` in this process, until `close()`. */
  worker<C>(runnable: Runnable<I, O, C>, options?: BatchWorkerOptions): BatchWorker;
  /** Closes the workers started here (waiting for their inputs) and the queue's connections. */
  close(): Promise<void>;
}

const ADD_PAGE = 500;

/**
 * A batch queue on BullMQ: `add(inputs)` makes one job per input (its id
 * the batch id and the input's index, so adding again duplicates nothing);
 * workers on any number of processes run them with a runnable, retries as
 * `attempts` says; each result is stored once (a Redis hash written with
 * `HSETNX`), so a worker that dies mid-batch loses nothing (BullMQ hands its
 * inputs to another worker once their lock expires) and duplicates nothing
 * (an input run twice records one result). Results are read in input order,
 * each exactly once, with progress as they come.
 *
 * Inputs and outputs travel as JSON: a message output (a model's reply)
 * comes back a message; a failed input's result carries its error, typed
 * for Rivulet errors. To share a provider's rate budget between the workers,
 * give them a model with `withRateLimit(new RedisRateLimiter(...))`.
 *
 * @example
 * ```ts
 * const queue = batchQueue<string, AIMessageChunk>('summaries', { connection: { url: process.env.REDIS_URL! } });
 * queue.worker(model.withRateLimit(limiter), { concurrency: 4 }); // on as many processes as you like
 * const batch = await queue.add(documents, { attempts: 3 });
 * for await (const { index, output, error } of batch) console.log(index, output?.text ?? error?.message);
 * await queue.close();
 * ```
 */
export function batchQueue<I, O>(name: string, options: BatchQueueOptions): BatchQueue<I, O> {
  return new RedisBatchQueue<I, O>(name, options);
}

class RedisBatchQueue<I, O> implements BatchQueue<I, O> {
  readonly name: string;
  readonly #redis: OpenedClient;
  readonly #prefix: string;
  readonly #resultTtlMs: number;
  readonly #workers = new Set<BatchWorker>();
  #queue: { readonly queue: Queue; close(): Promise<void> } | undefined;

  constructor(name: string, options: BatchQueueOptions) {
    this.name = checkName('queue name', name);
    this.#resultTtlMs = Math.ceil(positive('batchQueue', 'resultTtlMs', options?.resultTtlMs, 24 * 3600_000));
    this.#prefix = checkName('queue prefix', options.prefix ?? 'rivulet');
    this.#redis = openClient(options.connection, 'batchQueue');
  }

  async add(inputs: readonly I[], options: BatchAddOptions = {}): Promise<Batch<O>> {
    if (!Array.isArray(inputs)) throw new InputError('queue.add takes an array of inputs.');
    const id = checkName('batch id', options.id ?? randomUUID());
    const attempts = Math.floor(positive('queue.add', 'attempts', options.attempts, 1));
    const backoffMs = positive('queue.add', 'backoffMs', options.backoffMs, 1_000);
    const keys = batchKeys(this.#prefix, this.name, id);
    const client = this.#redis.client;
    const [, [, total]] = (await redisCall('queue.add', () =>
      client.multi().hsetnx(keys.meta, 'total', inputs.length).hget(keys.meta, 'total').pexpire(keys.meta, this.#resultTtlMs).exec(),
    )) as [unknown, [unknown, string]];
    if (Number(total) !== inputs.length) throw new InputError(`queue.add: batch "${id}" already exists with ${total} inputs, not ${inputs.length}.`);
    const { queue } = this.#bull();
    for (let from = 0; from < inputs.length; from += ADD_PAGE) {
      const jobs = inputs.slice(from, from + ADD_PAGE).map((input, k) => ({
        name: 'input',
        data: { batch: id, index: from + k, input } satisfies BatchJobData<I>,
        opts: { jobId: jobId(id, from + k), attempts, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: true, removeOnFail: true },
      }));
      await redisCall('queue.add', () => queue.addBulk(jobs));
    }
    return new RedisBatch<O>(client, keys, id, inputs.length);
  }

  async batch(id: string): Promise<Batch<O>> {
    const keys = batchKeys(this.#prefix, this.name, checkName('batch id', id));
    const total = await redisCall('queue.batch', () => this.#redis.client.hget(keys.meta, 'total'));
    if (total === null) throw new InputError(`queue.batch: there is no batch "${id}" in the queue "${this.name}" (or it expired).`);
    return new RedisBatch<O>(this.#redis.client, keys, id, Number(total));
  }

  worker<C>(runnable: Runnable<I, O, C>, options: BatchWorkerOptions = {}): BatchWorker {
    const site = { name: this.name, prefix: this.#prefix, client: this.#redis.client, resultTtlMs: this.#resultTtlMs };
    const started = startBatchWorker(site, runnable, options);
    const worker: BatchWorker = {
      close: async (closeOptions) => {
        this.#workers.delete(worker);
        await started.close(closeOptions);
      },
    };
    this.#workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#workers].map((worker) => worker.close()));
    await this.#queue?.close();
    await this.#redis.close();
  }

  /** The BullMQ queue, on a connection of its own, opened on the first add. */
  #bull(): { readonly queue: Queue } {
    if (this.#queue === undefined) {
      const connection = duplicateClient(this.#redis.client, { maxRetriesPerRequest: null });
      const queue = new Queue(this.name, { connection, prefix: this.#prefix });
      queue.on('error', () => undefined); // its commands fail with the same error, and add reports it
      this.#queue = {
        queue,
        close: async () => {
          await queue.close();
          await closeClient(connection);
        },
      };
    }
    return this.#queue;
  }
}
