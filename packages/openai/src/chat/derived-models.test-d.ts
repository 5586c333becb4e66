import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Runnable } from '@rivulet/core';
import { InMemoryCache, rateLimiter, tool, type ChatModel, type ChatModelInput, type Tool, type ToolCallOf } from '@rivulet/models';
import type { OpenAIChatMetadata } from './openai-chat-metadata.js';
import type { OpenAIChatModel } from './openai-chat-model.js';
import type { OpenAIResponsesModel } from '../responses/openai-responses-model.js';

declare const chat: OpenAIChatModel;
declare const responses: OpenAIResponsesModel;
const weather = tool({ name: 'weather', schema: z.object({ city: z.string() }) });

describe('derived OpenAI models', () => {
  it('keep the class and every model method through withFallbacks, withRetry and withConfig', () => {
    const chain = chat.withFallbacks([responses]).withRetry().withConfig({ runName: 'writer' });
    expectTypeOf(chain).toEqualTypeOf<OpenAIChatModel>();
    expectTypeOf(chain.bindTools([weather])).toEqualTypeOf<ChatModel<OpenAIChatMetadata, ToolCallOf<typeof weather>>>();
    expectTypeOf(chain.bindTools([weather] as readonly Tool[])).toEqualTypeOf<OpenAIChatModel>();
    expectTypeOf(chain.withCache(new InMemoryCache()).withRateLimit(rateLimiter({ requestsPerMinute: 500 }))).toEqualTypeOf<OpenAIChatModel>();
    expectTypeOf(chain.withStructuredOutput(z.object({ city: z.string() }))).toMatchTypeOf<Runnable<ChatModelInput, { city: string }, unknown>>();
    expectTypeOf(responses.withFallbacks([chat])).toEqualTypeOf<OpenAIResponsesModel>();
  });
});
