import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { AIMessage, AIMessageChunk, ToolCall } from '@rivulet/core';
import type { ToolDefinitionV1 } from '@rivulet/provider';
import { executeToolCalls, tool, type ChatModel, type Tool, type ToolCallOf } from '@rivulet/models';
import type { FakeChatModel } from '@rivulet/models/testing';

declare const model: FakeChatModel;
const weather = tool({ name: 'weather', schema: z.object({ city: z.string(), days: z.number().optional() }), execute: ({ city }) => `Sunny in ${city}` });
const search = tool({ name: 'search', schema: z.object({ query: z.string(), limit: z.number().default(5) }) });

type WeatherCall = ToolCall<'weather', { city: string; days?: number | undefined }>;
// The input side of the schema: what the model writes, before the default fills `limit`.
type SearchCall = ToolCall<'search', { query: string; limit?: number | undefined }>;

describe('tool calls typed from the bound tools', () => {
  it('a reply of a model with tools bound has a union of their calls, discriminated by name', async () => {
    const reply = await model.bindTools([weather, search]).invoke('Weather in Oslo?');
    expectTypeOf(reply.toolCalls).toEqualTypeOf<readonly (WeatherCall | SearchCall)[]>();
    for (const call of reply.toolCalls) {
      if (call.name === 'weather') expectTypeOf(call.args.city).toEqualTypeOf<string>();
      switch (call.name) {
        case 'search':
          expectTypeOf(call.args).toEqualTypeOf<{ query: string; limit?: number | undefined }>();
          break;
        case 'weather':
          break;
        default:
          expectTypeOf(call).toBeNever();
      }
      // @ts-expect-error the arguments are known only once the name is
      void call.args.city;
    }
  });

  it('streamed chunks, batches and generated replies are typed the same way', async () => {
    const withTools = model.bindTools([weather]);
    for await (const chunk of withTools.stream('x')) expectTypeOf(chunk.toolCalls).toEqualTypeOf<readonly WeatherCall[]>();
    expectTypeOf(withTools.batch(['x'])).resolves.toEqualTypeOf<AIMessageChunk<AIMessage['responseMetadata'], WeatherCall>[]>();
    expectTypeOf(withTools.generate('x', { n: 2 })).resolves.items.toHaveProperty('toolCalls').toEqualTypeOf<readonly WeatherCall[]>();
  });

  it('tools bound later join the union; the model keeps its methods and what its class adds', async () => {
    const both = model.bindTools([weather]).withRetry().bindTools([search]);
    expectTypeOf((await both.invoke('x')).toolCalls).toEqualTypeOf<readonly (WeatherCall | SearchCall)[]>();
    expectTypeOf(both.requests).toEqualTypeOf<FakeChatModel['requests']>();
    expectTypeOf(both.withConfig({ tags: ['t'] })).toEqualTypeOf(both);
    expectTypeOf(both).toExtend<ChatModel>();
  });

  it('a bare definition with a literal name has typed names and untyped arguments', async () => {
    const reply = await model.bindTools([{ name: 'get_time', parameters: { type: 'object' } }, weather]).invoke('x');
    expectTypeOf(reply.toolCalls).toEqualTypeOf<readonly (ToolCall<'get_time'> | WeatherCall)[]>();
  });

  it('tools named only at run time leave the calls untyped, and the model its own type', async () => {
    const loaded: readonly (Tool | ToolDefinitionV1)[] = [weather];
    expectTypeOf(model.bindTools(loaded)).toEqualTypeOf<FakeChatModel>();
    const mixed = await model.bindTools([weather, ...loaded]).invoke('x');
    expectTypeOf(mixed.toolCalls).toEqualTypeOf<readonly ToolCall[]>();
  });

  it('a typed reply is an AIMessage, and executeToolCalls takes it', async () => {
    const reply = await model.bindTools([weather]).invoke('x');
    expectTypeOf(reply).toExtend<AIMessage>();
    expectTypeOf(executeToolCalls(reply, [weather])).toBeObject();
    expectTypeOf<ToolCallOf<typeof weather>>().toEqualTypeOf<WeatherCall>();
  });
});
