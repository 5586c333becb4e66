import { LuaScript } from '../connection/lua-script.js';

/**
 * The shared budget, run atomically in Redis (one script, so every process
 * sees one order of events). The same arithmetic as `rateLimiter` in
 * `@rivulet/models`: token buckets for requests and tokens refilling
 * continuously, at a rate a 429 halves (down to `MIN_RATE_FACTOR`) and each
 * `RATE_RECOVERY_MS` without one doubles back; time is the server's `TIME`,
 * so the clocks of the processes do not matter.
 *
 * Where the in-memory limiter queues waiters, this one hands out
 * reservations: a caller is told how long to wait and its cost is taken at
 * once, as of the moment it will go. The next caller's wait counts that
 * debt, so callers of every process are served in the order Redis saw them,
 * and a large call is never starved by small ones.
 *
 * KEYS[1]: the budget's hash (`r`, `t` levels; `at` refilled at; `f` rate
 * factor, `fc` when it changed; `p` paused until; `e` count of 429s).
 * ARGV: op, recoveryMs, minFactor, requestCapacity, requestsPerMs,
 * tokenCapacity, tokensPerMs (capacity '' for a budget not set), requests,
 * tokens, then per op: `confirm` epoch; `settle` token correction ('' for
 * none), rate-limited ('1'/'0'), retryAfterMs.
 * Returns `{ wait ms as text, epoch }`.
 */
export const budgetScript = new LuaScript(`
local key = KEYS[1]
local op = ARGV[1]
local recovery = tonumber(ARGV[2])
local minFactor = tonumber(ARGV[3])
local reqCap, reqRate = tonumber(ARGV[4]), tonumber(ARGV[5])
local tokCap, tokRate = tonumber(ARGV[6]), tonumber(ARGV[7])
local costR, costT = tonumber(ARGV[8]), tonumber(ARGV[9])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000

local s = redis.call('HMGET', key, 'r', 't', 'at', 'f', 'fc', 'p', 'e')
local r = tonumber(s[1]) or reqCap or 0
local t = tonumber(s[2]) or tokCap or 0
local at = tonumber(s[3]) or now
local f = tonumber(s[4]) or 1
local fc = tonumber(s[5]) or 0
local p = tonumber(s[6]) or 0
local e = tonumber(s[7]) or 0

local function refillTo(to)
  local elapsed = to - at
  if elapsed <= 0 then return end
  if reqCap then r = math.min(reqCap, r + elapsed * reqRate * f) end
  if tokCap then t = math.min(tokCap, t + elapsed * tokRate * f) end
  at = to
end

-- Brings the buckets to now, at the rate of each stretch (the factor may have recovered on the way).
local function refill()
  while f < 1 and fc + recovery <= now do
    refillTo(fc + recovery)
    f = math.min(1, f * 2)
    fc = fc + recovery
  end
  refillTo(now)
end

-- Milliseconds from now until a bucket refilling at rate earns deficit, counting the recoveries ahead.
local function timeToEarn(deficit, rate)
  if deficit <= 1e-9 then return 0 end
  local wait, factor, from, nextUp = 0, f, now, fc + recovery
  while factor < 1 do
    local earn = (nextUp - from) * rate * factor
    if earn >= deficit then return wait + deficit / (rate * factor) end
    deficit = deficit - earn
    wait = wait + nextUp - from
    from = nextUp
    factor = math.min(1, factor * 2)
    nextUp = nextUp + recovery
  end
  return wait + deficit / (rate * factor)
end

-- What a bucket refilling at rate earns over the next duration ms.
local function earnedOver(duration, rate)
  local earned, factor, from, nextUp = 0, f, now, fc + recovery
  local untilT = now + duration
  while factor < 1 and nextUp < untilT do
    earned = earned + (nextUp - from) * rate * factor
    from = nextUp
    factor = math.min(1, factor * 2)
    nextUp = nextUp + recovery
  end
  return earned + (untilT - from) * rate * factor
end

-- The wait before a call of this cost may go; its cost is taken as of then.
local function reserve()
  local wait = math.max(0, p - now)
  if reqCap then wait = math.max(wait, timeToEarn(math.min(costR, reqCap) - r, reqRate)) end
  if tokCap then wait = math.max(wait, timeToEarn(math.min(costT, tokCap) - t, tokRate)) end
  if reqCap then r = math.min(r, reqCap - earnedOver(wait, reqRate)) - costR end
  if tokCap then t = math.min(t, tokCap - earnedOver(wait, tokRate)) - costT end
  return wait
end

local function refund()
  if reqCap then r = math.min(reqCap, r + costR) end
  if tokCap then t = math.min(tokCap, t + costT) end
end

refill()
local wait = 0
if op == 'reserve' then
  wait = reserve()
elseif op == 'confirm' then
  -- A 429 since the reservation: it is made again, at the shrunk rate and after the pause.
  if tonumber(ARGV[10]) ~= e then
    refund()
    wait = reserve()
  end
elseif op == 'refund' then
  refund()
elseif op == 'settle' then
  local correction = tonumber(ARGV[10])
  if correction and tokCap then t = math.min(tokCap, t + correction) end
  if ARGV[11] == '1' then
    f = math.max(minFactor, f / 2)
    fc = now
    r = math.min(r, 0)
    t = math.min(t, 0)
    p = math.max(p, now + (tonumber(ARGV[12]) or 0))
    e = e + 1
  end
else
  return redis.error_reply('unknown op ' .. tostring(op))
end

redis.call('HSET', key, 'r', tostring(r), 't', tostring(t), 'at', tostring(at), 'f', tostring(f), 'fc', tostring(fc), 'p', tostring(p), 'e', tostring(e))
-- Kept while it differs from a fresh budget: until refilled, recovered and unpaused, and a minute more.
local keep = math.max(0, p - now)
if reqCap then keep = math.max(keep, (reqCap - r) / (reqRate * f)) end
if tokCap and tokRate > 0 then keep = math.max(keep, (tokCap - t) / (tokRate * f)) end
if f < 1 then keep = keep + recovery * math.log(1 / f) / math.log(2) end
redis.call('PEXPIRE', key, math.ceil(keep + 60000))
return { tostring(wait), e }
`);
