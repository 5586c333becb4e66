import { afterEach, describe, expect, it } from 'vitest';
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import { OutputParserError, type RunStream } from '@rivulet/core';
import type { DeepPartial } from '@rivulet/parsers';
import { collect } from '@rivulet/core/testing';
import { OpenAIChatModel } from '@rivulet/models';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '@rivulet/models/testing';

const trip = z.object({
  city: z.string(),
  days: z.array(z.object({ day: z.number(), plan: z.string() })),
  budget: z.enum(['low', 'medium', 'high']).default('medium'),
});
const answer = { city: 'Lisbon', days: [{ day: 1, plan: 'Alfama and trams' }, { day: 2, plan: 'Belém' }] };

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function model(script: MockScript): Promise<OpenAIChatModel> {
  server = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
}

describe('withStructuredOutput', () => {
  it('jsonSchema (default): strict response_format from zod, partial objects streaming, validated result', async () => {
    const structured = (await model({ text: JSON.stringify(answer), chunkSize: 5 })).withStructuredOutput(trip, { name: 'trip' });
    const partials = await collect(structured.stream('Plan a trip'));
    expect(partials.length).toBeGreaterThan(5);
    expect(partials).toContainEqual({ city: 'Lisbon', days: [] });
    expect(partials.at(-1)).toEqual({ ...answer, budget: 'medium' });
    expect(server!.requests[0]!.body!.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'trip', strict: true, schema: { type: 'object', required: expect.arrayContaining(['city', 'days']) } },
    });
    expect(await structured.invoke('Plan a trip')).toEqual({ ...answer, budget: 'medium' });
  });

  it('tool: a forced tool call whose arguments are parsed as they stream', async () => {
    const structured = (
      await model({ toolCalls: [{ id: 'call_1', name: 'trip', arguments: JSON.stringify(answer) }], chunkSize: 6 })
    ).withStructuredOutput(trip, { method: 'tool', name: 'trip' });
    const partials = await collect(structured.stream('Plan a trip'));
    expect(partials.length).toBeGreaterThan(3);
    expect(partials.at(-1)).toEqual({ ...answer, budget: 'medium' });
    expect(server!.requests[0]!.body).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'trip' } },
      tools: [{ type: 'function', function: { name: 'trip' } }],
    });
  });

  it('jsonMode, and includeRaw keeps the message beside the parsed value', async () => {
    const structured = (await model({ text: JSON.stringify(answer) })).withStructuredOutput(trip, { method: 'jsonMode', includeRaw: true });
    const result = await structured.invoke('Plan a trip');
    expect(result.parsed).toEqual({ ...answer, budget: 'medium' });
    expect(result.raw.content).toBe(JSON.stringify(answer));
    expect(server!.requests[0]!.body!.response_format).toEqual({ type: 'json_object' });
  });

  it('fails early with OutputParserError when a field can no longer fit, keeping the raw text', async () => {
    const structured = (await model({ text: '{"city": 42, "days": []}' })).withStructuredOutput(trip);
    const error = await structured.invoke('x').catch((e: unknown) => e);
    expect(OutputParserError.isInstance(error)).toBe(true);
    expect((error as OutputParserError).text).toContain('"city": 42');
  });

  it('types partial chunks apart from the validated result', async () => {
    const structured = (await model({ text: '{}' })).withStructuredOutput(trip);
    expectTypeOf(structured.invoke).returns.resolves.toEqualTypeOf<z.output<typeof trip>>();
    expectTypeOf(structured.stream('x')).toEqualTypeOf<RunStream<DeepPartial<z.output<typeof trip>>>>();
  });
});
