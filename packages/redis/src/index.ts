// connections
export type { RedisConnection } from './connection/redis-connection.js';
export { RedisError } from './connection/redis-error.js';

// message history, model cache, rate limits
export { RedisMessageStore, type RedisMessageStoreOptions } from './message-store/redis-message-store.js';
export { RedisCache, type RedisCacheOptions } from './cache/redis-cache.js';
export { RedisRateLimiter, type RedisRateLimiterOptions } from './rate-limit/redis-rate-limiter.js';

// resumable streams
export { RedisStreamStore, type RedisStreamStoreOptions } from './stream-store/redis-stream-store.js';

// batches on BullMQ
export { batchQueue, type BatchQueue } from './batch/batch-queue.js';
export type { Batch, BatchProgress, BatchReadOptions } from './batch/batch.js';
export type { BatchWorker } from './batch/batch-worker.js';
export type { BatchQueueOptions, BatchAddOptions, BatchWorkerOptions } from './batch/batch-options.js';
