/**
 * One of the processes of `two-processes.test.ts`: a model over HTTP with a
 * Redis cache and a Redis rate limit. It asks its own questions (all at once,
 * so the budget is what spaces them), waits until its sibling has asked its
 * own, then asks the sibling's questions, which the shared cache answers.
 * Prints one line of JSON: the answers, and when each permit was granted
 * (`Date.now()`, one clock for every process of the machine).
 */
import { Redis } from 'ioredis';
import type { RateLimiter } from '@rivulet/models';
import { OpenAIChatModel } from '@rivulet/openai';
import { pause } from '@rivulet/test-kit';
import { RedisCache, RedisRateLimiter } from '../index.js';

interface Args {
  readonly redisUrl: string;
  readonly mockUrl: string;
  readonly prefix: string;
  readonly own: readonly string[];
  readonly other: readonly string[];
  readonly requestsPerMinute: number;
  readonly burst: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const cache = new RedisCache({ url: args.redisUrl }, { prefix: `${args.prefix}cache:` });
const limiter = new RedisRateLimiter({ url: args.redisUrl }, { requestsPerMinute: args.requestsPerMinute, burst: args.burst, prefix: `${args.prefix}rate:`, key: 'openai' });
const grants: number[] = [];
const recorded: RateLimiter = {
  async acquire(cost, signal) {
    const permit = await limiter.acquire(cost, signal);
    grants.push(Date.now());
    return permit;
  },
};
const model = new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: null, baseURL: args.mockUrl, maxRetries: 0 }).withCache(cache).withRateLimit(recorded);

const own = await model.batch([...args.own], { maxConcurrency: Infinity });

// A barrier in Redis: each process counts itself in, then waits for the other.
const redis = new Redis(args.redisUrl);
await redis.incr(`${args.prefix}barrier`);
while (Number(await redis.get(`${args.prefix}barrier`)) < 2) await pause(10);
await redis.quit();

const other = await model.batch([...args.other]);
console.log(JSON.stringify({ own: own.map((m) => m.text), other: other.map((m) => m.text), grants }));
await Promise.all([cache.close(), limiter.close()]);
