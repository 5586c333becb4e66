import { withMessageHistory, type AIMessageChunk } from '@rivulet/core';
import type { OpenAIChatModel } from '@rivulet/openai';
import type { MockOpenAIServer } from '@rivulet/openai/testing';
import { RedisCache, RedisMessageStore, RedisRateLimiter, batchQueue } from '@rivulet/redis';
import type { RedisServer } from '@rivulet/redis/testing';

/**
 * Many processes: everything they share lives in Redis. Each part opens its
 * own connection, as separate processes would.
 */
export async function redisPart(redis: RedisServer, model: OpenAIChatModel, mock: MockOpenAIServer): Promise<void> {
  const connection = { url: redis.url };
  console.log(`== Many processes: shared state in Redis (redis-server on port ${redis.port}) ==`);

  // A cache shared by two "processes": a reply one paid for is a hit for the other.
  const [cacheA, cacheB] = [new RedisCache(connection, { ttlMs: 3_600_000 }), new RedisCache(connection, { ttlMs: 3_600_000 })];
  const before = mock.requests.length;
  const first = await model.withCache(cacheA).invoke('How long is the Glomma?');
  const second = await model.withCache(cacheB).invoke('How long is the Glomma?');
  console.log(`shared cache: ${first.text === second.text ? 'the same answer' : 'different answers'} twice, ${mock.requests.length - before} request`);

  // One rate budget for every process: limiters with the same key share it.
  const limiter = new RedisRateLimiter(connection, { requestsPerMinute: 1_200, burst: 0.25, key: 'openai' });
  const otherProcessLimiter = new RedisRateLimiter(connection, { requestsPerMinute: 1_200, burst: 0.25, key: 'openai' });

  // A batch on BullMQ, worked by two workers (in this process here; on any number of processes in production).
  const queue = batchQueue<string, AIMessageChunk>('river-questions', { connection });
  queue.worker(model.withRateLimit(limiter), { concurrency: 3 });
  queue.worker(model.withRateLimit(otherProcessLimiter), { concurrency: 3 });
  const rivers = ['Glomma', 'Tagus', 'Danube', 'Rhine', 'Loire', 'Elbe', 'Oder', 'Vistula', 'Po', 'Ebro'];
  const batch = await queue.add(rivers.map((river) => `How long is the ${river}?`), { attempts: 3 });
  let progress = '';
  const watching = batch.progress().subscribe(({ done, failed, total }) => (progress = `${done}/${total} done, ${failed} failed`));
  // Results come in input order, each once, whichever worker finished it.
  for await (const { index, output, error } of batch) console.log(`  ${index + 1}. ${output?.text ?? `failed: ${error?.message}`}`);
  watching.unsubscribe();
  console.log(`batch on BullMQ: ${progress}, by 2 workers drawing on one rate budget`);

  // Conversations kept in Redis: any server process can continue a session.
  const store = new RedisMessageStore(connection, { ttlMs: 24 * 3_600_000 });
  const chat = withMessageHistory(model, { store });
  await chat.invoke('How long is the Danube?', { configurable: { sessionId: 'ada' } });
  await chat.invoke('And the Rhine?', { configurable: { sessionId: 'ada' } });
  console.log(`message store: ${(await store.getMessages('ada')).length} messages kept for session "ada"`);

  await queue.close();
  await Promise.all([cacheA.close(), cacheB.close(), limiter.close(), otherProcessLimiter.close(), store.close()]);
}
