/**
 * A batch worker process for the kill tests: doubles numbers, taking
 * `workMs` each, and counts in Redis how often each input ran and which
 * inputs this process started and finished running. Prints "ready" once
 * working; runs until killed.
 */
import { Redis } from 'ioredis';
import { lambda } from '@rivulet/core';
import { sleep } from '@rivulet/test-kit';
import { batchQueue } from '../index.js';

interface Args {
  readonly redisUrl: string;
  readonly queue: string;
  readonly tag: string;
  readonly concurrency: number;
  readonly workMs: number;
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const counters = new Redis(args.redisUrl);
const queue = batchQueue<number, number>(args.queue, { connection: { url: args.redisUrl } });
queue.worker(
  lambda(async (n: number) => {
    await counters.multi().sadd(`${args.queue}:started:${args.tag}`, n).hincrby(`${args.queue}:runs`, String(n), 1).exec();
    await sleep(args.workMs);
    await counters.sadd(`${args.queue}:finished:${args.tag}`, n);
    return n * 2;
  }),
  { concurrency: args.concurrency, lockDurationMs: args.lockDurationMs, stalledIntervalMs: args.stalledIntervalMs },
);
await counters.ping();
console.log('ready');
