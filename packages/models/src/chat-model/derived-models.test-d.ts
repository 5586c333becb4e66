import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { lambda, type AIMessageChunk, type Runnable } from '@rivulet/core';
import type { DeepPartial } from '@rivulet/parsers';
import { InMemoryCache, rateLimiter, tool, type ChatModel, type ChatModelInput } from '@rivulet/models';
import type { FakeChatModel } from '@rivulet/models/testing';

declare const model: FakeChatModel;
declare const other: ChatModel;
const weather = tool({ name: 'weather', schema: z.object({ city: z.string() }) });
const trip = z.object({ city: z.string(), days: z.number() });

describe('models made from models keep their class and their model methods', () => {
  it('withFallbacks of chat models is the same class, with bindTools and withStructuredOutput', () => {
    const chain = model.withFallbacks([other]);
    expectTypeOf(chain).toEqualTypeOf<FakeChatModel>();
    expectTypeOf(chain.bindTools([weather]).requests).toEqualTypeOf<FakeChatModel['requests']>();
    expectTypeOf(chain.bindTools([weather]).withFallbacks([other])).toEqualTypeOf(chain.bindTools([weather]));
    expectTypeOf(chain.withStructuredOutput(trip)).toEqualTypeOf<Runnable<ChatModelInput, { city: string; days: number }, DeepPartial<{ city: string; days: number }>>>();
    expectTypeOf(chain.requests).toEqualTypeOf<FakeChatModel['requests']>();
  });

  it('withRetry, withConfig, withCache, withRateLimit and withOptions chain in any order', () => {
    const derived = model
      .withRetry({ maxAttempts: 2 })
      .withConfig({ tags: ['x'] })
      .withCache(new InMemoryCache())
      .withRateLimit(rateLimiter({ requestsPerMinute: 60 }))
      .withOptions({ temperature: 0 })
      .withFallbacks([other.withRetry()]);
    expectTypeOf(derived).toEqualTypeOf<FakeChatModel>();
    expectTypeOf(other.withConfig({ runName: 'writer' })).toEqualTypeOf<ChatModel>();
    expectTypeOf(derived.generate('x', { n: 2 })).resolves.toEqualTypeOf<AIMessageChunk[]>();
  });

  it('a fallback that is not a chat model gives a plain runnable', () => {
    const mixed = model.withFallbacks([lambda((_input: ChatModelInput) => model.invoke('x'))]);
    expectTypeOf(mixed).toEqualTypeOf<Runnable<ChatModelInput, AIMessageChunk>>();
    expectTypeOf(mixed).not.toHaveProperty('bindTools');
  });

  it('batch keeps its overloads', () => {
    expectTypeOf(model.batch(['a'])).resolves.toEqualTypeOf<AIMessageChunk[]>();
    expectTypeOf(model.batch(['a'], { returnExceptions: true })).resolves.toEqualTypeOf<(AIMessageChunk | Error)[]>();
  });
});
