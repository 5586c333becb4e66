import { LuaScript } from '../connection/lua-script.js';

// A run is a hash (KEYS[1]: metadata, status, seq = last event id, stop) and a Redis
// stream of its events (KEYS[2]), event n under the stream id `0-n`; `finish` ends the
// stream with an entry holding the field `end`, so a reader meets it after the last event.

/** ARGV: metadata, idleTtlMs. 1 when created, 0 when the run already exists. */
export const createRun = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'metadata', ARGV[1], 'status', 'running', 'seq', 0, 'stop', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

/** ARGV: idleTtlMs, then the events' data. The first new id, or -1 when the run is not running. */
export const appendEvents = new LuaScript(`
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return -1 end
local count = #ARGV - 1
local last = redis.call('HINCRBY', KEYS[1], 'seq', count)
local first = last - count + 1
for i = 2, #ARGV do
  redis.call('XADD', KEYS[2], '0-' .. (first + i - 2), 'd', ARGV[i])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return first
`);

/** ARGV: finishedTtlMs. 1 when finished now, 0 when unknown or finished before. */
export const finishRun = new LuaScript(`
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return 0 end
local last = tonumber(redis.call('HGET', KEYS[1], 'seq'))
redis.call('HSET', KEYS[1], 'status', 'finished')
redis.call('XADD', KEYS[2], '0-' .. (last + 1), 'end', '1')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
`);

/** ARGV: the stop channel. 1 when the run was running (its process is told), else 0. */
export const requestStop = new LuaScript(`
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'stop', 1)
redis.call('PUBLISH', ARGV[1], 'stop')
return 1
`);
