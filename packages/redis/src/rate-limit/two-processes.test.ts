import { afterAll, describe, expect, it } from 'vitest';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';
import { useRedisServer } from '../test-support/redis-server.js';
import { spawnScript } from '../test-support/spawn-script.js';

const redis = useRedisServer();
let mock: MockOpenAIServer | undefined;
afterAll(async () => {
  await mock?.close();
});

describe('two processes sharing one Redis', () => {
  it('share one rate budget (their combined rate stays within it) and one cache (no request for what the other asked)', async () => {
    mock = await startMockOpenAIServer((request) => {
      const question = String(request.body?.messages?.at(-1)?.content ?? '');
      return { text: `Answer to ${question}` };
    });
    // Two requests a second, at most 2 at once: 8 requests take at least 3 s, whoever sends them.
    const requestsPerMinute = 120;
    const capacity = 2;
    const questions = (name: string) => Array.from({ length: 4 }, (_, n) => `${name} question ${n}`);
    const common = { redisUrl: redis.url, mockUrl: mock.url, prefix: redis.prefix(), requestsPerMinute, burst: 1 };
    const processes = [
      spawnScript('./shared-budget-process.ts', { ...common, own: questions('a'), other: questions('b') }),
      spawnScript('./shared-budget-process.ts', { ...common, own: questions('b'), other: questions('a') }),
    ];
    const codes = await Promise.all(processes.map((p) => p.exited));
    expect({ codes, stderr: processes.map((p) => p.stderr()) }).toEqual({ codes: [0, 0], stderr: ['', ''] });

    const [a, b] = processes.map((p) => JSON.parse(p.stdout()) as { own: string[]; other: string[]; grants: number[] });
    expect(a!.own).toEqual(questions('a').map((q) => `Answer to ${q}`));
    expect(b!.other).toEqual(a!.own); // b's answers to a's questions came from the cache...
    expect(a!.other).toEqual(b!.own);
    expect(mock.requests).toHaveLength(8); // ...so only the 8 distinct questions reached the model

    // In every stretch of time, the two together were granted no more than the budget allows.
    // A grant is seen when its process's timer fires, which a busy machine may delay, so one
    // request of slack.
    const grants = [...a!.grants, ...b!.grants].sort((x, y) => x - y);
    expect(grants).toHaveLength(8); // cache hits take nothing from the budget
    const perMs = requestsPerMinute / 60_000;
    for (let i = 0; i < grants.length; i++) {
      for (let j = i; j < grants.length; j++) {
        expect(j - i + 1).toBeLessThanOrEqual(capacity + perMs * (grants[j]! - grants[i]!) + 1);
      }
    }
    expect(grants.at(-1)! - grants[0]!).toBeGreaterThanOrEqual(((grants.length - capacity - 1) / perMs) * 0.9);
  }, 60_000);
});
