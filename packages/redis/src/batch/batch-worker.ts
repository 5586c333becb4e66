import { Worker, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isRetryableError, type Runnable } from '@rivulet/core';
import { closeClient, duplicateClient } from '../connection/redis-connection.js';
import { batchKeys } from './batch-keys.js';
import type { BatchJobData } from './batch-job.js';
import type { BatchWorkerOptions } from './batch-options.js';
import { recordResult } from './record-result.js';
import { encodeError, encodeOutput } from './result-codec.js';

/** A worker of a batch queue, running inputs until closed. */
export interface BatchWorker {
  /**
   * Stops taking inputs. By default waits for the inputs it is running to
   * finish; with `force`, cancels them (their signal aborts) and returns at
   * once: other workers run them again.
   */
  close(options?: { readonly force?: boolean | undefined }): Promise<void>;
}

/** Where a worker works: the queue's name, keys, and Redis. */
export interface WorkerSite {
  readonly name: string;
  readonly prefix: string;
  readonly client: Redis;
  readonly resultTtlMs: number;
}

/**
 * A BullMQ worker running `runnable` on the inputs of `site`'s queue. Each
 * input's outcome is recorded once (see `recordResult`); an input already
 * recorded (its earlier worker died after recording) is not run again.
 */
export function startBatchWorker<I, O, C>(site: WorkerSite, runnable: Runnable<I, O, C>, options: BatchWorkerOptions = {}): BatchWorker {
  const { client, prefix, name, resultTtlMs } = site;
  const report = options.onError ?? ((error: Error) => console.error(`[@rivulet/redis] batch worker of "${name}": ${error.message}`));
  const closing = new AbortController();
  const record = (data: BatchJobData<I>, result: string, isError: boolean) =>
    recordResult(client, batchKeys(prefix, name, data.batch), data.index, result, isError, resultTtlMs);

  const processor = async (job: Job<BatchJobData<I>>, _token: string | undefined, signal?: AbortSignal): Promise<void> => {
    const { data } = job;
    if ((await client.hexists(batchKeys(prefix, name, data.batch).results, String(data.index))) === 1) return;
    const runSignal = signal === undefined ? closing.signal : AbortSignal.any([signal, closing.signal]);
    let output: O;
    try {
      output = await runnable.invoke(data.input, { ...options.runOptions, signal: runSignal });
    } catch (error) {
      // Cancelled (lock lost, worker closing): not this input's outcome; BullMQ hands it to a worker again.
      if (runSignal.aborted) throw error;
      const final = !isRetryableError(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!final) throw error;
      await record(data, encodeError(error), true);
      throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
    }
    await record(data, encodeOutput(output), false);
  };

  const connection = duplicateClient(client, { maxRetriesPerRequest: null });
  const worker = new Worker<BatchJobData<I>>(name, processor, {
    connection,
    prefix,
    concurrency: options.concurrency ?? 8,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 1,
  });
  worker.on('error', report);
  // An input BullMQ gave up on for good gets an error result, if it has none yet: one that lost its
  // worker too often (failed without this processor running it), or whose result could not be stored.
  worker.on('failed', (job, error) => {
    if (job === undefined || (error.name !== 'UnrecoverableError' && job.attemptsMade < (job.opts.attempts ?? 1))) return;
    const lost = new Error(`The input was given up: ${error.message}`);
    lost.name = 'BatchInputLostError';
    record(job.data, encodeError(lost), true).catch(report);
  });

  return {
    async close({ force = false } = {}) {
      if (force) closing.abort(new Error('The batch worker was closed.'));
      await worker.close(force);
      await closeClient(connection);
    },
  };
}
