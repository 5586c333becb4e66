import { collect } from '@rivulet/core/testing';
import { z } from 'zod';
import type { StructuredOutputMethod } from '@rivulet/models';
import type { ToolDefinitionV1 } from '@rivulet/provider';
import { concatChunks } from './chunk-helpers.js';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

// A plain definition, so the suite needs `@rivulet/models` for types only.
const weather: ToolDefinitionV1 = {
  name: 'weather',
  description: 'Current weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'number' } }, required: ['city'], additionalProperties: false },
};

const trip = z.object({ city: z.string(), days: z.number() });

const allMethods: readonly StructuredOutputMethod[] = ['jsonSchema', 'tool', 'jsonMode'];

/** Tool calls and structured output: arguments that stream as growing objects. */
export function toolScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();

  if (harness.target.toolCalls === 'whole') {
    it('assembles whole tool calls each by itself, under distinct made-up ids, with their arguments as partialArgs', async () => {
      const { model } = await harness.start({
        toolCalls: [
          { id: 'call_1', name: 'weather', arguments: '{"city":"Oslo","days":3}' },
          { id: 'call_2', name: 'weather', arguments: '{"city":"Rome"}' },
        ],
      });
      const chunks = await collect(model.bindTools([weather]).stream('Weather in Oslo and Rome?'));
      const partials = chunks.flatMap((chunk) => chunk.toolCallChunks).flatMap((fragment) => (fragment.partialArgs === undefined ? [] : [fragment.partialArgs]));
      expect(partials).toEqual([{ city: 'Oslo', days: 3 }, { city: 'Rome' }]);
      const reply = concatChunks(chunks);
      expect(reply.toolCalls.map(({ name, args }) => ({ name, args }))).toEqual([
        { name: 'weather', args: { city: 'Oslo', days: 3 } },
        { name: 'weather', args: { city: 'Rome' } },
      ]);
      const ids = reply.toolCalls.map((call) => call.id);
      expect(new Set(ids).size).toBe(2);
      for (const id of ids) expect(id).toEqual(expect.stringMatching(/./));
      expect(reply).toMatchObject({ content: '', finishReason: 'tool_calls' });
    });
  } else it('streams tool calls with growing partialArgs and assembles each call by itself', async () => {
    const { model } = await harness.start({
      toolCalls: [
        { id: 'call_1', name: 'weather', arguments: '{"city":"Oslo","days":3}' },
        { id: 'call_2', name: 'weather', arguments: '{"city":"Rome"}' },
      ],
      chunkSize: 4,
    });
    const chunks = await collect(model.bindTools([weather]).stream('Weather in Oslo and Rome?'));
    const partialsByCall = new Map<number, unknown[]>();
    for (const fragment of chunks.flatMap((chunk) => chunk.toolCallChunks)) {
      if (fragment.partialArgs === undefined) continue;
      partialsByCall.set(fragment.index, [...(partialsByCall.get(fragment.index) ?? []), fragment.partialArgs]);
    }
    const [first, second] = [...partialsByCall.values()];
    expect(partialsByCall.size).toBe(2);
    expect(first).toContainEqual({ city: 'Osl' });
    expect(first?.at(-1)).toEqual({ city: 'Oslo', days: 3 });
    expect(second?.at(-1)).toEqual({ city: 'Rome' });
    const reply = concatChunks(chunks);
    expect(reply.toolCalls).toEqual([
      { id: 'call_1', name: 'weather', args: { city: 'Oslo', days: 3 } },
      { id: 'call_2', name: 'weather', args: { city: 'Rome' } },
    ]);
    expect(reply).toMatchObject({ content: '', finishReason: 'tool_calls' });
  });

  for (const method of harness.target.structuredOutputMethods ?? allMethods) {
    it(`withStructuredOutput (${method}) streams partial objects and returns the validated one`, async () => {
      const { model } = await harness.start({ structured: '{"city":"Oslo","days":3}', chunkSize: 4 });
      const structured = model.withStructuredOutput(trip, { method, name: 'trip' });
      const partials = await collect(structured.stream('Plan a trip.'));
      expect(partials.length).toBeGreaterThan(2);
      expect(partials).toContainEqual({ city: 'Osl' });
      expect(partials.at(-1)).toEqual({ city: 'Oslo', days: 3 });
      expect(await structured.invoke('Plan another trip.')).toEqual({ city: 'Oslo', days: 3 });
    });
  }
}
