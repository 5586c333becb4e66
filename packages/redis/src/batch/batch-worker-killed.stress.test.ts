import { describe, it } from 'vitest';
import { killOneWorkerMidBatch } from '../test-support/kill-scenario.js';
import { useRedisServer } from '../test-support/redis-server.js';

const redis = useRedisServer();

describe('a batch worker process killed mid-batch (stress)', () => {
  it('loses and duplicates nothing: 1,000 inputs, 2 worker processes, one SIGKILLed', async () => {
    await killOneWorkerMidBatch(redis, 1_000);
  }, 120_000);
});
