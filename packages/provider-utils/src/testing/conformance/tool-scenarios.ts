import { collect } from '@rivulet/core/testing';
import { z } from 'zod';
import type { StructuredOutputMethod } from '../../chat-model/structured-output.js';
import { tool } from '../../chat-model/tool.js';
import { concatChunks } from './chunk-helpers.js';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

const weather = tool({
  name: 'weather',
  description: 'Current weather in a city',
  schema: z.object({ city: z.string(), days: z.number().optional() }),
});

const trip = z.object({ city: z.string(), days: z.number() });

const allMethods: readonly StructuredOutputMethod[] = ['jsonSchema', 'tool', 'jsonMode'];

/** Tool calls and structured output: arguments that stream as growing objects. */
export function toolScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();

  it('streams tool calls with growing partialArgs and assembles each call by itself', async () => {
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
