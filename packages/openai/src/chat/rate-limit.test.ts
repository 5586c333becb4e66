import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '@rivulet/core';
import type { RateCost, RateLimiter, RatePermit, RateSettlement } from '@rivulet/models';
import { OpenAIChatModel } from './openai-chat-model.js';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '../testing/index.js';

/** A limiter that grants everything and records what it was asked and told. */
class RecordingLimiter implements RateLimiter {
  readonly log: (RateCost | RateSettlement)[] = [];
  acquire(cost: RateCost): Promise<RatePermit> {
    this.log.push(cost);
    return Promise.resolve({ settle: (settlement: RateSettlement = {}) => void this.log.push(settlement) });
  }
}

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function limitedModel(script: MockScript, limiter: RateLimiter, maxRetries = 0): Promise<OpenAIChatModel> {
  server = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test', baseURL: server.url, maxRetries, retry: { initialDelayMs: 1 } }).withRateLimit(limiter);
}

describe('OpenAIChatModel.withRateLimit over HTTP', () => {
  it('asks for the estimated cost and settles with the reported usage', async () => {
    const limiter = new RecordingLimiter();
    const model = await limitedModel({ text: 'Hello', usage: { promptTokens: 21, completionTokens: 4 } }, limiter);
    await model.invoke('x'.repeat(40));
    expect(limiter.log).toEqual([{ requests: 1, tokens: 10 }, { tokens: 25 }]);
  });

  it('reports a 429 and its Retry-After, and each retry asks again', async () => {
    const limiter = new RecordingLimiter();
    const model = await limitedModel([{ status: 429, retryAfter: 0.05 }, { text: 'ok', usage: { promptTokens: 1, completionTokens: 1 } }], limiter, 1);
    expect((await model.invoke('hi')).content).toBe('ok');
    expect(limiter.log).toEqual([{ requests: 1, tokens: 1 }, { tokens: 0, rateLimited: { retryAfterMs: 50 } }, { requests: 1, tokens: 1 }, { tokens: 2 }]);
  });

  it('settles a request cancelled mid-stream, with the estimate standing', async () => {
    const limiter = new RecordingLimiter();
    const model = await limitedModel({ text: 'a'.repeat(100), chunkSize: 1, delayMs: 5 }, limiter);
    for await (const chunk of model.stream('hi')) if (chunk.content) break;
    expect(limiter.log).toEqual([{ requests: 1, tokens: 1 }, { tokens: undefined }]);
    await server!.requests[0]!.socketClosed;
  });

  it('a failure other than 429 settles without shrinking anything', async () => {
    const limiter = new RecordingLimiter();
    const model = await limitedModel({ status: 500 }, limiter);
    await expect(model.invoke('hi')).rejects.toBeInstanceOf(ProviderError);
    expect(limiter.log).toEqual([{ requests: 1, tokens: 1 }, { tokens: undefined }]);
  });
});
