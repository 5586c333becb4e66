import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { isReplyEnd, type AIMessage, type AIMessageChunk, type Runnable } from '@rivulet/core';
import { tool, type ChatModel, type ChatModelInput, type ChatResponseMetadata } from '@rivulet/models';
import type { OpenAIChatMetadata, OpenAIChatModel, OpenAIResponsesModel, PerplexitySearchResult } from '@rivulet/openai';

declare const perplexity: OpenAIChatModel;
declare const responses: OpenAIResponsesModel;
const weather = tool({ name: 'weather', schema: z.object({ city: z.string() }) });

describe("OpenAIChatModel's reply metadata", () => {
  it('types Perplexity citations and search results, no cast needed', async () => {
    const reply = await perplexity.invoke('Which river is the largest?');
    expectTypeOf(reply.responseMetadata).toEqualTypeOf<OpenAIChatMetadata>();
    expectTypeOf(reply.responseMetadata.citations).toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf(reply.responseMetadata.searchResults).toEqualTypeOf<readonly PerplexitySearchResult[] | undefined>();
    const first = reply.responseMetadata.searchResults?.[0];
    if (first) expectTypeOf(first.title).toEqualTypeOf<string>();
    expectTypeOf(reply.responseMetadata.model).toEqualTypeOf<string | undefined>();
    expectTypeOf(reply.responseMetadata.finishReason).toEqualTypeOf<string | undefined>();
    // A key no provider type names reads as unknown, as before.
    expectTypeOf(reply.responseMetadata['images']).toBeUnknown();
  });

  it('streamed chunks and their concatenation keep it', async () => {
    for await (const chunk of perplexity.stream('x')) {
      expectTypeOf(chunk.responseMetadata.citations).toEqualTypeOf<readonly string[] | undefined>();
      expectTypeOf(chunk.concat(chunk)).toEqualTypeOf<AIMessageChunk<OpenAIChatMetadata>>();
    }
  });

  it('survives bindTools, withRetry and withFallbacks, and a typed model is a plain model too', async () => {
    const derived = perplexity.withFallbacks([responses]).withRetry().bindTools([weather]);
    expectTypeOf((await derived.invoke('x')).responseMetadata).toEqualTypeOf<OpenAIChatMetadata>();
    expectTypeOf(perplexity).toExtend<ChatModel>();
    expectTypeOf(derived).toExtend<Runnable<ChatModelInput, AIMessageChunk>>();
    expectTypeOf<AIMessageChunk<OpenAIChatMetadata>>().toExtend<AIMessage>();
  });

  it('the Responses API model has the common keys only', async () => {
    const reply = await responses.invoke('x');
    expectTypeOf(reply.responseMetadata).toEqualTypeOf<ChatResponseMetadata>();
    expectTypeOf(reply.responseMetadata.citations).toBeUnknown();
  });

  it('run events stay untyped: a reply read from an event is a plain AIMessageChunk', async () => {
    for await (const event of perplexity.streamEvents('x')) {
      if (isReplyEnd(event)) expectTypeOf(event.data.output).toEqualTypeOf<AIMessageChunk>();
    }
  });
});
