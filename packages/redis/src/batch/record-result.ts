import type { Redis } from 'ioredis';
import { LuaScript } from '../connection/lua-script.js';
import { redisCall } from '../connection/redis-error.js';
import type { BatchKeys } from './batch-keys.js';

/**
 * Stores a result once: `HSETNX`, and only when that wrote it, the progress
 * counts and an entry on the batch's event stream, all in one atomic step.
 * A job run twice (its worker died after storing, before BullMQ heard) adds
 * nothing the second time. ARGV: index, result, '1' for an error, ttlMs.
 */
const recordScript = new LuaScript(`
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
local done = redis.call('HINCRBY', KEYS[1], 'done', 1)
local failed = tonumber(redis.call('HGET', KEYS[1], 'failed') or '0')
if ARGV[3] == '1' then failed = redis.call('HINCRBY', KEYS[1], 'failed', 1) end
redis.call('XADD', KEYS[3], '*', 'i', ARGV[1], 'd', done, 'f', failed)
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return 1
`);

/** Records `result` (encoded) for input `index`; true when it was the first for that index. */
export async function recordResult(client: Redis, keys: BatchKeys, index: number, result: string, isError: boolean, ttlMs: number): Promise<boolean> {
  const written = await redisCall('batch: recording a result', () =>
    recordScript.run(client, [keys.meta, keys.results, keys.events], [index, result, isError ? '1' : '0', ttlMs]),
  );
  return written === 1;
}
