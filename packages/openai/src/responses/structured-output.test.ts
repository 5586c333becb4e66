import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collect } from '@rivulet/core/testing';
import { useResponsesModel } from './test-support/use-responses-model.js';

const mock = useResponsesModel();

const trip = z.object({ city: z.string(), days: z.array(z.object({ day: z.number(), plan: z.string() })) });
const answer = { city: 'Lisbon', days: [{ day: 1, plan: 'Alfama and trams' }, { day: 2, plan: 'Belém' }] };

describe('OpenAIResponsesModel.withStructuredOutput', () => {
  it('jsonSchema (default): a strict text.format json_schema, partial objects while output_text streams, the validated result', async () => {
    const model = await mock.model({ text: JSON.stringify(answer), chunkSize: 5 });
    const structured = model.withStructuredOutput(trip, { name: 'trip' });
    const partials = await collect(structured.stream('Plan a trip'));
    expect(partials.length).toBeGreaterThan(5);
    expect(partials).toContainEqual({ city: 'Lisbon', days: [] });
    expect(partials.at(-1)).toEqual(answer);
    expect(mock.body().text).toEqual({
      format: { type: 'json_schema', name: 'trip', strict: true, schema: expect.objectContaining({ type: 'object', required: expect.arrayContaining(['city', 'days']) }) },
    });
  });

  it('tool: a forced function call whose streamed arguments are parsed as they grow', async () => {
    const model = await mock.model({ toolCalls: [{ id: 'call_trip', name: 'trip', arguments: JSON.stringify(answer) }], chunkSize: 6 });
    const structured = model.withStructuredOutput(trip, { method: 'tool', name: 'trip' });
    const partials = await collect(structured.stream('Plan a trip'));
    expect(partials.length).toBeGreaterThan(3);
    expect(partials).toContainEqual({ city: 'Lisbon' });
    expect(partials.at(-1)).toEqual(answer);
    expect(mock.body()).toMatchObject({ tool_choice: { type: 'function', name: 'trip' }, tools: [{ type: 'function', name: 'trip' }] });
  });

  it('jsonMode: text.format json_object, and includeRaw keeps the message', async () => {
    const model = await mock.model({ text: JSON.stringify(answer) });
    const result = await model.withStructuredOutput(trip, { method: 'jsonMode', includeRaw: true }).invoke('Plan a trip');
    expect(result.parsed).toEqual(answer);
    expect(result.raw.content).toBe(JSON.stringify(answer));
    expect(mock.body().text).toEqual({ format: { type: 'json_object' } });
  });
});
