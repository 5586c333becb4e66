/**
 * Production: what a chain needs to run for real.
 * - One process: `model.withCache(...)` answers repeated requests without
 *   sending them, `model.withRateLimit(...)` keeps calls within a provider's
 *   budget, and `otelCallbacks` turns every run into OpenTelemetry spans.
 * - Many processes: the same with `@rivulet/redis` (a shared cache, one
 *   rate budget for all, a batch on BullMQ worked by several workers, and
 *   conversations any process can continue). This part starts its own
 *   `redis-server` when one is installed, and says so when not.
 *
 * Offline: the embedded mock OpenAI server answers.
 *
 *   pnpm --filter @rivulet/example-production start
 */
import { findRedisServer, startRedisServer } from '@rivulet/redis/testing';
import { inMemoryPart } from './in-memory-part.js';
import { startMockModel } from './mock-model.js';
import { redisPart } from './redis-part.js';

const { mock, model } = await startMockModel();
try {
  await inMemoryPart(model, mock);
  console.log();
  if (findRedisServer() === undefined) {
    console.log('redis-server is not installed, so the Redis-backed parts are skipped (apt-get install -y redis-server to see them).');
  } else {
    const redis = await startRedisServer();
    try {
      await redisPart(redis, model, mock);
    } finally {
      await redis.close();
    }
  }
} finally {
  await mock.close();
}
