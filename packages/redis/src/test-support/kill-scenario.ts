import { expect } from 'vitest';
import type { BatchResult } from '@rivulet/core';
import { batchQueue } from '../index.js';
import type { TestRedis } from './redis-server.js';
import { spawnScript, type ScriptProcess } from './spawn-script.js';

/**
 * Two worker processes work `size` inputs; one (slow, so that it always has
 * inputs in flight) is SIGKILLed once a third of the results are in. Checks
 * that every result arrives exactly once, in input order, right; that every
 * input ran; that the inputs the killed worker was running were run again
 * by the other; and that nothing else ran twice.
 */
export async function killOneWorkerMidBatch(redis: TestRedis, size: number): Promise<void> {
  const name = `kill-${size}-${Date.now()}`;
  const concurrency = 8;
  const common = { redisUrl: redis.url, queue: name, concurrency, lockDurationMs: 1_000, stalledIntervalMs: 500 };
  const workers: ScriptProcess[] = [
    spawnScript('./batch-worker-process.ts', { ...common, tag: 'doomed', workMs: 200 }),
    // Slow enough that the batch lasts several of the doomed worker's inputs, even on an idle machine.
    spawnScript('./batch-worker-process.ts', { ...common, tag: 'survivor', workMs: 20 }),
  ];
  const queue = batchQueue<number, number>(name, { connection: { url: redis.url } });
  try {
    await Promise.all(workers.map((worker) => worker.waitFor('ready')));
    const inputs = Array.from({ length: size }, (_, n) => n);
    const batch = await queue.add(inputs);
    const results: BatchResult<number>[] = [];
    // Killed only while it is running inputs (each takes 200 ms, so one still runs when the signal lands):
    // between two of its batches it would hold none, and the test would prove nothing about in-flight work.
    const inFlightOnDoomed = async (): Promise<number> => {
      const [started, finished] = await Promise.all([redis.client.scard(`${name}:started:doomed`), redis.client.scard(`${name}:finished:doomed`)]);
      return started - finished;
    };
    let killed = false;
    for await (const result of batch) {
      results.push(result);
      if (!killed && results.length >= size / 3 && (await inFlightOnDoomed()) > 0) {
        killed = workers[0]!.child.kill('SIGKILL');
      }
    }
    expect(killed, 'the slow worker was never caught running an input before the batch ended').toBe(true);
    expect(await workers[0]!.exited).toBe('SIGKILL');

    expect(results.map((r) => r.index)).toEqual(inputs);
    expect(results.map((r) => r.output)).toEqual(inputs.map((n) => n * 2));
    expect(results.filter((r) => r.error)).toEqual([]);
    // Recorded once per input: as many results, result events and counted inputs as inputs.
    const keys = `rivulet:${name}:batch:${batch.id}`;
    expect(await redis.client.hlen(`${keys}:results`)).toBe(size);
    expect(await redis.client.xlen(`${keys}:events`)).toBe(size);
    expect(await redis.client.hget(keys, 'done')).toBe(String(size));

    const runs = await redis.client.hgetall(`${name}:runs`);
    expect(Object.keys(runs).map(Number).sort((a, b) => a - b)).toEqual(inputs);
    const twice = Object.entries(runs).filter(([, count]) => Number(count) > 1).map(([n]) => Number(n)).sort((a, b) => a - b);
    const startedByDoomed = (await redis.client.smembers(`${name}:started:doomed`)).map(Number);
    const finishedByDoomed = new Set((await redis.client.smembers(`${name}:finished:doomed`)).map(Number));
    const inFlightAtDeath = startedByDoomed.filter((n) => !finishedByDoomed.has(n)).sort((a, b) => a - b);
    // The killed worker was running inputs when it died; those, and only those (plus any it
    // finished running but died before recording), ran again on the other worker.
    expect(inFlightAtDeath.length).toBeGreaterThan(0);
    expect(inFlightAtDeath.length).toBeLessThanOrEqual(concurrency);
    for (const n of inFlightAtDeath) expect(twice).toContain(n);
    for (const n of twice) expect(startedByDoomed).toContain(n);
    expect(twice.length).toBeLessThanOrEqual(concurrency);
    expect(Object.values(runs).every((count) => Number(count) <= 2)).toBe(true);
    if (process.env['RIVULET_KILL_REPORT']) console.log({ size, startedByDoomed: startedByDoomed.length, inFlightAtDeath: inFlightAtDeath.length, ranTwice: twice.length });
  } finally {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await queue.close();
  }
  expect(workers[1]!.stderr()).toBe('');
}
