import { describe, expect, it } from 'vitest';
import { useRedisServer } from '../test-support/redis-server.js';
import { batchKeys } from './batch-keys.js';
import { recordResult } from './record-result.js';

const redis = useRedisServer();

describe('recordResult', () => {
  it('records the first result of an input only: a second run of it (or a race of two) adds nothing', async () => {
    const keys = batchKeys(redis.prefix().slice(0, -1), 'q', 'b1');
    await redis.client.hset(keys.meta, 'total', 2);
    const first = await Promise.all([
      recordResult(redis.client, keys, 0, '{"output":1}', false, 60_000),
      recordResult(redis.client, keys, 0, '{"output":2}', false, 60_000),
    ]);
    expect(first.sort()).toEqual([false, true]);
    expect(await recordResult(redis.client, keys, 1, '{"error":{"name":"Error","message":"x"}}', true, 60_000)).toBe(true);
    expect(await recordResult(redis.client, keys, 1, '{"output":3}', false, 60_000)).toBe(false);
    expect(await redis.client.hgetall(keys.results)).toEqual({ 0: '{"output":1}', 1: '{"error":{"name":"Error","message":"x"}}' });
    expect(await redis.client.hmget(keys.meta, 'done', 'failed')).toEqual(['2', '1']);
    const events = (await redis.client.xrange(keys.events, '-', '+')).map(([, fields]) => fields);
    expect(events).toEqual([
      ['i', '0', 'd', '1', 'f', '0'],
      ['i', '1', 'd', '2', 'f', '1'],
    ]);
    for (const key of [keys.meta, keys.results, keys.events]) expect(await redis.client.pttl(key)).toBeGreaterThan(50_000);
  });
});
