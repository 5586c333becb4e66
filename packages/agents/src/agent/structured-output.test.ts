import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OutputParserError } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { createAgent } from './create-agent.js';
import { OUTPUT_TOOL_NAME } from './output-tool.js';
import { byTurn, useMockModel, weather } from './test-support/use-mock-model.js';

const mock = useMockModel();

const report = z.object({ city: z.string(), summary: z.string(), temperatures: z.array(z.number()) });

describe('an agent with output', () => {
  it('streams the answer as partial snapshots, then the validated answer, after using its tools', async () => {
    const answer = { city: 'Oslo', summary: 'Sunny all week', temperatures: [4, 6, 5] };
    const model = await mock.start(
      byTurn([
        { toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }] },
        { toolCalls: [{ id: 'call_answer', name: OUTPUT_TOOL_NAME, arguments: JSON.stringify(answer) }], chunkSize: 6 },
      ]),
    );
    const agent = createAgent({ model, tools: [weather], output: report });
    const parts = await collect(agent.stream('Report on Oslo.'));

    const partials = parts.flatMap((p) => (p.type === 'partial-output' ? [p.partial] : []));
    expect(partials.length).toBeGreaterThan(3);
    expect(partials[0]).toEqual({}); // the object opened, no field yet
    expect(partials.some((p) => p.summary !== undefined && p.summary.length < answer.summary.length)).toBe(true);
    expect(partials.at(-1)).toEqual(answer);
    expect(parts.filter((p) => p.type === 'output')).toEqual([{ type: 'output', step: 1, output: answer }]);
    // The answer is not a tool call of the user's: no tool-call parts for it, but its call is answered in the messages.
    expect(parts.flatMap((p) => (p.type === 'tool-call' ? [p.toolName] : []))).toEqual(['weather']);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', steps: 2 });

    const body = mock.server().requests[0]?.body;
    expect(body?.tool_choice).toBe('required');
    expect(body?.tools?.map((t) => ('function' in t ? t.function.name : ''))).toEqual(['weather', OUTPUT_TOOL_NAME]);

    const invoked = await agent.invoke('Report on Oslo.');
    expect(invoked.output).toEqual(answer);
    expect(invoked.text).toBe('');
    expect(invoked.messages.map((m) => `${m.role}:${m.text}`)).toEqual(['ai:', 'tool:sunny in Oslo', 'ai:', 'tool:The answer was accepted.']);
  });

  it('gives an answer that fails the schema back to the model as an error, and takes the corrected one', async () => {
    const model = await mock.start([
      { toolCalls: [{ id: 'call_bad', name: OUTPUT_TOOL_NAME, arguments: '{"city":"Oslo","summary":3}' }] },
      { toolCalls: [{ id: 'call_good', name: OUTPUT_TOOL_NAME, arguments: '{"city":"Oslo","summary":"Mild","temperatures":[]}' }] },
    ]);
    const result = await createAgent({ model, tools: [], output: report }).invoke('Report.');
    expect(result.output).toEqual({ city: 'Oslo', summary: 'Mild', temperatures: [] });
    expect(result.steps).toHaveLength(2);
    const refused = mock.server().requests[1]?.body?.messages?.find((m) => m.role === 'tool');
    expect(refused?.content).toMatch(/^The answer does not match its schema:\n.*summary/s);
  });

  it('wraps a schema whose root is not an object, and unwraps the answer', async () => {
    const model = await mock.start({ toolCalls: [{ name: OUTPUT_TOOL_NAME, arguments: '{"value":["Nile","Amazon"]}' }], chunkSize: 5 });
    const agent = createAgent({ model, tools: [], output: z.array(z.string()) });
    const parts = await collect(agent.stream('Two long rivers.'));
    expect(parts.flatMap((p) => (p.type === 'partial-output' ? [p.partial] : [])).at(-1)).toEqual(['Nile', 'Amazon']);
    expect(parts.find((p) => p.type === 'output')).toMatchObject({ output: ['Nile', 'Amazon'] });
    const tool = mock.server().requests[0]?.body?.tools?.[0];
    expect(tool && 'function' in tool ? tool.function.parameters : undefined).toMatchObject({ type: 'object', properties: { value: { type: 'array' } } });
  });

  it('fails with OutputParserError when the run ends without a valid answer', async () => {
    const model = await mock.start({ toolCalls: [{ name: 'weather', arguments: '{"city":"Oslo"}' }], text: 'thinking' });
    const error = await createAgent({ model, tools: [weather], output: report, maxSteps: 2 })
      .invoke('Report.')
      .catch((e: unknown) => e);
    expect(OutputParserError.isInstance(error)).toBe(true);
    expect((error as OutputParserError).message).toBe(`The agent stopped after 2 step(s) without a valid answer (a call of ${OUTPUT_TOOL_NAME}).`);
    expect((error as OutputParserError).text).toBe('thinking');
  });
});
