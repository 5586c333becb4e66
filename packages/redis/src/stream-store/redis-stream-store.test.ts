import { eventually } from '@rivulet/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { AbortError, InputError } from '@rivulet/core';
import { useRedisServer } from '../test-support/redis-server.js';
import { RedisStreamStore, type RedisStreamStoreOptions } from './redis-stream-store.js';
import type { StoredStreamEvent } from '@rivulet/server';

const redis = useRedisServer();
const stores: RedisStreamStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
});

/** Two stores on separate connections sharing one prefix: two server processes. */
function processes(options: RedisStreamStoreOptions = {}) {
  const prefix = redis.prefix();
  const made = [0, 1].map(() => new RedisStreamStore({ url: redis.url }, { prefix, ...options }));
  stores.push(...made);
  return { prefix, a: made[0]!, b: made[1]! };
}

const ids = (events: readonly StoredStreamEvent[]) => events.map((event) => event.id);

async function connectionCount(): Promise<number> {
  return String(await redis.client.client('LIST')).trim().split('\n').length;
}

describe('RedisStreamStore', () => {
  it('numbers the events of a run 1, 2, 3, ... and tells what it knows of the run', async () => {
    const { a, b } = processes();
    await a.create('run', '{"aggregate":"delta"}');
    expect(await a.append('run', ['e1', 'e2'])).toEqual([1, 2]);
    expect(await a.append('run', [])).toEqual([]);
    expect(await a.append('run', ['e3'])).toEqual([3]);
    expect(await b.get('run')).toEqual({ metadata: '{"aggregate":"delta"}', status: 'running', lastEventId: 3, stopRequested: false });
    await a.finish('run');
    await a.finish('run'); // again: nothing
    expect((await b.get('run'))?.status).toBe('finished');
    expect(await b.get('unknown')).toBeUndefined();
  });

  it('appends each call as one step: concurrent appends get contiguous ids', async () => {
    const { a, b } = processes();
    await a.create('run', '');
    const calls = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).append('run', [`${n}.0`, `${n}.1`, `${n}.2`])));
    for (const assigned of calls) expect(assigned).toEqual([assigned[0], assigned[0]! + 1, assigned[0]! + 2]);
    expect(calls.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, n) => n + 1));
    // Read back, each call's three events sit together, in order.
    const [backlog] = await collectBatches(a.read('run'), 1);
    const data = backlog!.map((event) => event.data);
    for (let i = 0; i < data.length; i += 3) expect(data.slice(i, i + 3)).toEqual([0, 1, 2].map((k) => data[i]!.replace(/\.0$/, `.${k}`)));
  });

  it('refuses to create a run twice, or to append to a run that is not running, with InputError', async () => {
    const { a, b } = processes();
    await a.create('run', '');
    await expect(b.create('run', '')).rejects.toSatisfy(InputError.isInstance);
    await expect(a.append('nobody', ['x'])).rejects.toThrow(/not running/);
    await a.finish('run');
    await expect(b.append('run', ['late'])).rejects.toSatisfy(InputError.isInstance);
    await expect(a.append('', ['x'])).rejects.toSatisfy(InputError.isInstance);
    await expect(a.append('run', [42 as unknown as string])).rejects.toSatisfy(InputError.isInstance);
  });

  it('a reader gets what it missed in one batch, then the live events, and ends after the last', async () => {
    const { a, b } = processes();
    await a.create('run', '');
    await a.append('run', ['one', 'two', 'three']);
    const iterator = b.read('run', { after: 1 })[Symbol.asyncIterator]();
    const catchUp = await iterator.next();
    expect(catchUp.value).toEqual([
      { id: 2, data: 'two' },
      { id: 3, data: 'three' },
    ]);
    const live = iterator.next();
    await a.append('run', ['four', 'five']);
    expect(ids((await live).value as StoredStreamEvent[])).toEqual([4, 5]);
    const last = iterator.next();
    await a.append('run', ['six']);
    await a.finish('run');
    const seen = [];
    let step = await last;
    while (!step.done) {
      seen.push(...step.value);
      step = await iterator.next();
    }
    expect(ids(seen)).toEqual([6]);
  });

  it('reads a finished run whole, in one batch, however long (paged underneath)', async () => {
    const { a, b } = processes();
    await a.create('run', '');
    const data = Array.from({ length: 2_500 }, (_, n) => `e${n + 1}`);
    await a.append('run', data);
    await a.finish('run');
    const batches = await collectBatches(b.read('run'));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((event) => event.data)).toEqual(data);
    expect(await collectBatches(b.read('run', { after: 2_500 }))).toEqual([[]]);
  });

  it('ends at once for a run it does not know, and rejects a bad after', async () => {
    const { a } = processes();
    expect(await collectBatches(a.read('nobody'))).toEqual([]);
    await expect(collectBatches(a.read('nobody', { after: -1 }))).rejects.toSatisfy(InputError.isInstance);
  });

  it('aborting a reader that waits for live events rejects with AbortError at once and closes its connection', async () => {
    const { a } = processes({ checkEveryMs: 600_000 }); // its blocking read would not return by itself
    await a.create('run', '');
    const before = await connectionCount();
    const controller = new AbortController();
    const iterator = a.read('run', { signal: controller.signal })[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual([]);
    const waiting = iterator.next();
    await eventually(async () => (await connectionCount()) === before + 1);
    controller.abort();
    await expect(waiting).rejects.toSatisfy(AbortError.isInstance);
    await eventually(async () => (await connectionCount()) === before);
  });

  it('leaving the loop closes the reader connection', async () => {
    const { a } = processes();
    await a.create('run', '');
    const before = await connectionCount();
    const reading = (async () => {
      for await (const events of a.read('run')) if (events.length > 0) break;
    })();
    await eventually(async () => (await connectionCount()) === before + 1);
    await a.append('run', ['x']);
    await reading;
    await eventually(async () => (await connectionCount()) === before);
  });

  it('a reader following a run that expires ends', async () => {
    const { prefix, a } = processes({ checkEveryMs: 20 });
    await a.create('run', '');
    const reading = collectBatches(a.read('run'));
    await redis.client.del(`${prefix}run`, `${prefix}run:events`); // what expiry does
    expect(await reading).toEqual([[]]);
  });

  it('keeps a running run idleTtlMs after its last append, and a finished one finishedTtlMs', async () => {
    const { prefix, a } = processes({ idleTtlMs: 3_600_000, finishedTtlMs: 60_000 });
    await a.create('run', '');
    await a.append('run', ['x']);
    for (const key of [`${prefix}run`, `${prefix}run:events`]) expect(await redis.client.pttl(key)).toBeGreaterThan(3_500_000);
    await a.finish('run');
    for (const key of [`${prefix}run`, `${prefix}run:events`]) {
      const ttl = await redis.client.pttl(key);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('a stop requested on one process reaches the process running the run', async () => {
    const { prefix, a, b } = processes();
    await a.create('run', '');
    const done = new AbortController();
    const stopped = a.waitForStop('run', done.signal);
    await eventually(async () => (await numsub(`${prefix}run:stop`)) === 1);
    expect(await b.requestStop('run')).toBe(true);
    expect(await stopped).toBe(true);
    expect((await a.get('run'))?.stopRequested).toBe(true);
    done.abort();
  });

  it('a stop requested before the runner watched is seen at once; none for a finished or unknown run', async () => {
    const { a, b } = processes();
    await a.create('run', '');
    expect(await b.requestStop('run')).toBe(true);
    expect(await a.waitForStop('run', new AbortController().signal)).toBe(true);
    await a.create('other', '');
    await a.finish('other');
    expect(await b.requestStop('other')).toBe(false);
    expect(await b.requestStop('nobody')).toBe(false);
  });

  it('waitForStop resolves false when the run ends first, and lets its subscription go', async () => {
    const { prefix, a, b } = processes();
    await a.create('run', '');
    const done = new AbortController();
    const stopped = a.waitForStop('run', done.signal);
    await eventually(async () => (await numsub(`${prefix}run:stop`)) === 1);
    done.abort();
    expect(await stopped).toBe(false);
    await eventually(async () => (await numsub(`${prefix}run:stop`)) === 0);
    expect(await a.waitForStop('run', AbortSignal.abort())).toBe(false);
    // Watching the run again subscribes again: a stop now reaches the new watcher.
    const again = a.waitForStop('run', new AbortController().signal);
    await eventually(async () => (await numsub(`${prefix}run:stop`)) === 1);
    expect(await b.requestStop('run')).toBe(true);
    expect(await again).toBe(true);
  });
});

async function collectBatches(iterable: AsyncIterable<readonly StoredStreamEvent[]>, limit = Infinity): Promise<StoredStreamEvent[][]> {
  const batches: StoredStreamEvent[][] = [];
  for await (const batch of iterable) {
    batches.push([...batch]);
    if (batches.length >= limit) break;
  }
  return batches;
}

async function numsub(channel: string): Promise<number> {
  const reply = (await redis.client.pubsub('NUMSUB', channel)) as [string, number];
  return Number(reply[1]);
}

