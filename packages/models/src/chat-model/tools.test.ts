import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { executeToolCalls, tool } from '@rivulet/models';
import { FakeChatModel } from '@rivulet/models/testing';
import { collect } from '@rivulet/core/testing';

const weather = tool({
  name: 'weather',
  description: 'Current weather in a city',
  schema: z.object({ city: z.string(), days: z.number().int().optional() }),
  execute: async ({ city, days }) => ({ city, forecast: `sunny for ${days ?? 1} day(s)` }),
});

describe('bindTools', () => {
  it('sends the tools as JSON Schema and streams arguments as growing partial objects', async () => {
    const model = new FakeChatModel({ toolCalls: [{ name: 'weather', args: { city: 'Oslo', days: 3 } }] }, { chunkSize: 3 }).bindTools([weather]);
    const partials: unknown[] = [];
    const seenAsJson: string[] = [];
    // Subscribed, not a `for await` loop: a slow loop would see the synchronous fake's chunks joined.
    for (const chunk of await collect(model.stream('Weather in Oslo?'))) {
      for (const call of chunk.toolCallChunks) {
        if (call.partialArgs === undefined) continue;
        partials.push(call.partialArgs);
        seenAsJson.push(JSON.stringify(call.partialArgs));
      }
    }
    expect(partials.length).toBeGreaterThan(3);
    expect(partials).toContainEqual({ city: 'Osl' });
    expect(partials.at(-1)).toEqual({ city: 'Oslo', days: 3 });
    // Snapshots are never mutated after they were emitted.
    expect(partials.map((p) => JSON.stringify(p))).toEqual(seenAsJson);
  });

  it('the provider sees the tool definitions, and the aggregate has parsed tool calls', async () => {
    const fake = new FakeChatModel({ toolCalls: [{ name: 'weather', args: { city: 'Oslo' } }] });
    const reply = await fake.bindTools([weather], { toolChoice: 'required' }).invoke('hi');
    expect(fake.requests[0]!.tools).toEqual([
      {
        name: 'weather',
        description: 'Current weather in a city',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' }, days: { type: 'integer', minimum: expect.any(Number), maximum: expect.any(Number) } },
          // The input side: zod strips unknown keys rather than rejecting them, so none are forbidden.
          required: ['city'],
        },
      },
    ]);
    expect(fake.requests[0]!.toolChoice).toBe('required');
    expect(reply.toolCalls).toEqual([{ id: 'call_0', name: 'weather', args: { city: 'Oslo' } }]);
  });
});

describe('executeToolCalls', () => {
  it('runs each call and answers with tool messages; failures become error messages', async () => {
    const reply = await new FakeChatModel({
      toolCalls: [
        { name: 'weather', args: { city: 'Oslo', days: 2 }, id: 'a' },
        { name: 'weather', args: { city: 42 }, id: 'b' },
        { name: 'unknown', args: {}, id: 'c' },
      ],
    }).invoke('x');
    const answers = await executeToolCalls(reply, [weather]);
    expect(answers.map((m) => [m.toolCallId, m.isError ?? false])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
    ]);
    expect(JSON.parse(answers[0]!.text)).toEqual({ city: 'Oslo', forecast: 'sunny for 2 day(s)' });
    expect(answers[1]!.text).toContain('Invalid arguments for "weather"');
  });
});
