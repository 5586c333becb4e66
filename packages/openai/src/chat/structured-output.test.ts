import { afterEach, describe, expect, it } from 'vitest';
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import { InputError, OutputParserError, type RunStream } from '@rivulet/core';
import type { DeepPartial } from '@rivulet/parsers';
import { collect } from '@rivulet/core/testing';
import { OpenAIChatModel } from './openai-chat-model.js';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '../testing/index.js';

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

  it('fails early with OutputParserError when a field can no longer fit, keeping the raw text, and stops the request', async () => {
    // A wrong first field, then 2,000 chunks the model would go on writing.
    const days = Array.from({ length: 1000 }, (_, i) => ({ day: i, plan: 'walk' }));
    const text = JSON.stringify({ city: 42, days });
    const structured = (await model({ text, chunkSize: 20, delayMs: 1 })).withStructuredOutput(trip);
    const error = await structured.invoke('x').catch((e: unknown) => e);
    expect(OutputParserError.isInstance(error)).toBe(true);
    // Failed at the field, not at the end: the text read so far ends near it.
    expect((error as OutputParserError).text).toContain('"city":42');
    expect((error as OutputParserError).text.length).toBeLessThan(100);
    const [request] = server!.requests;
    await request!.settled;
    expect(request).toMatchObject({ closedEarly: true });
    expect(request!.eventsSent).toBeLessThan(text.length / 20 / 10);
  });

  it('types partial chunks apart from the validated result', async () => {
    const structured = (await model({ text: '{}' })).withStructuredOutput(trip);
    expectTypeOf(structured.invoke).returns.resolves.toEqualTypeOf<z.output<typeof trip>>();
    expectTypeOf(structured.stream('x')).toEqualTypeOf<RunStream<DeepPartial<z.output<typeof trip>>>>();
  });

  it('sends optional fields the way strict mode accepts (required and nullable), and reads null as the field left out', async () => {
    const profile = z.object({ name: z.string(), nickname: z.string().optional(), tags: z.array(z.object({ label: z.string(), note: z.string().optional() })) });
    const structured = (await model({ text: '{"name":"Ada","nickname":null,"tags":[{"label":"math","note":null},{"label":"poetry","note":"Byron"}]}', chunkSize: 7 })).withStructuredOutput(profile);
    const partials = await collect(structured.stream('Who?'));
    expect(partials.at(-1)).toEqual({ name: 'Ada', tags: [{ label: 'math' }, { label: 'poetry', note: 'Byron' }] });
    const schema = (server!.requests[0]!.body!.response_format as { json_schema: { schema: Record<string, unknown> } }).json_schema.schema;
    expect(schema).toMatchObject({
      required: ['name', 'nickname', 'tags'],
      additionalProperties: false,
      properties: { nickname: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    });
    const tag = (schema['properties'] as { tags: { items: Record<string, unknown> } }).tags.items;
    expect(tag).toMatchObject({ required: ['label', 'note'], additionalProperties: false });
  });

  it('wraps a non-object root for the provider and unwraps it for the user, streaming', async () => {
    const cities = z.array(z.string());
    const structured = (await model({ text: '{"value":["Oslo","Rome","Lima"]}', chunkSize: 5 })).withStructuredOutput(cities);
    const partials = await collect(structured.stream('Three cities'));
    expect(partials).toContainEqual(['Oslo']);
    expect(partials.at(-1)).toEqual(['Oslo', 'Rome', 'Lima']);
    expect(server!.requests[0]!.body!.response_format).toMatchObject({
      json_schema: { schema: { type: 'object', required: ['value'], properties: { value: { type: 'array', items: { type: 'string' } } } } },
    });
    const mood = (await model({ toolCalls: [{ id: 'c', name: 'output', arguments: '{"value":"calm"}' }] })).withStructuredOutput(z.enum(['calm', 'wild']), { method: 'tool' });
    expect(await mood.invoke('Mood?')).toBe('calm');
  });

  it('sends the input side of a transform and applies the transform to what the model wrote', async () => {
    const when = z.object({ date: z.string().transform((text) => new Date(text)) });
    const structured = (await model({ text: '{"date":"2026-11-30T00:00:00Z"}' })).withStructuredOutput(when);
    const result = await structured.invoke('When?');
    expect(result.date).toBeInstanceOf(Date);
    expect(result.date.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(server!.requests[0]!.body!.response_format).toMatchObject({ json_schema: { schema: { properties: { date: { type: 'string' } } } } });
  });

  it('is an InputError at the call, before any request, for a type JSON Schema cannot express', async () => {
    const model_ = await model({ text: '{}' });
    for (const schema of [z.object({ big: z.bigint() }), z.object({ when: z.date() }), z.object({ odd: z.custom<string>(() => true) })]) {
      const error = (() => {
        try {
          model_.withStructuredOutput(schema);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(InputError.isInstance(error), String(error)).toBe(true);
    }
    expect(server!.requests).toHaveLength(0);
  });
});
