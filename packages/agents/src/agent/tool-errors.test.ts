import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ToolMessage } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { tool } from '@rivulet/models';
import { createAgent } from './create-agent.js';
import { useMockModel, weather } from './test-support/use-mock-model.js';

const mock = useMockModel();

const broken = tool({
  name: 'broken',
  description: 'Always fails.',
  schema: z.object({}),
  execute: () => {
    throw new Error('the gauge is offline');
  },
});

describe('a failing tool call', () => {
  it('gives the model an error result and the run goes on: a throw, invalid arguments, an unknown tool, arguments that are not JSON', async () => {
    const model = await mock.start([
      {
        toolCalls: [
          { id: 'call_throw', name: 'broken', arguments: '{}' },
          { id: 'call_args', name: 'weather', arguments: '{"town":"Oslo"}' },
          { id: 'call_unknown', name: 'teleport', arguments: '{"to":"Mars"}' },
          { id: 'call_json', name: 'weather', arguments: '{"city": Oslo' },
          { id: 'call_ok', name: 'weather', arguments: '{"city":"Oslo"}' },
        ],
      },
      { text: 'Only the weather worked.' },
    ]);
    const agent = createAgent({ model, tools: [weather, broken] });
    const parts = await collect(agent.stream('Try everything.'));

    const results = parts.flatMap((p) => (p.type === 'tool-result' ? [p] : []));
    const byId = Object.fromEntries(results.map((r) => [r.toolCallId, r]));
    expect(byId['call_throw']).toMatchObject({ isError: true, output: '"broken" failed: the gauge is offline' });
    expect(byId['call_args']).toMatchObject({ isError: true, toolName: 'weather' });
    expect(byId['call_args']?.output).toMatch(/^Invalid arguments for "weather":\n.*city/s);
    expect(byId['call_unknown']).toMatchObject({ isError: true, output: 'There is no tool named "teleport". Available tools: weather, broken.' });
    expect(byId['call_json']?.isError).toBe(true);
    expect(byId['call_json']?.output).toMatch(/^The arguments of "weather" are not valid JSON \(.+\)\. Call it again with a JSON object\.$/);
    expect(byId['call_ok']).toMatchObject({ isError: false, output: 'sunny in Oslo' });

    const last = parts.at(-1);
    expect(last).toMatchObject({ type: 'finish', finishReason: 'stop', steps: 2 });
    // Every call is answered, in call order, so the provider accepts the conversation.
    const sent = mock.server().requests[1]?.body?.messages ?? [];
    const assistant = sent.find((m) => m.role === 'assistant');
    expect(assistant && 'tool_calls' in assistant ? assistant.tool_calls?.map((c) => c.id) : []).toEqual([
      'call_throw',
      'call_args',
      'call_unknown',
      'call_json',
      'call_ok',
    ]);
    expect(sent.filter((m) => m.role === 'tool').map((m) => m.tool_call_id)).toEqual(['call_throw', 'call_args', 'call_unknown', 'call_json', 'call_ok']);
    const step = parts.find((p) => p.type === 'step-finish');
    expect(step?.messages.slice(1).map((m) => (m as ToolMessage).isError)).toEqual([true, true, true, true, false]);
  });

  it('that returns a value JSON cannot hold is an error result too', async () => {
    const model = await mock.start([{ toolCalls: [{ id: 'call_1', name: 'big', arguments: '{}' }] }, { text: 'Ok.' }]);
    const big = tool({ name: 'big', schema: z.object({}), execute: () => ({ n: 1n }) });
    const result = await createAgent({ model, tools: [big] }).invoke('Go.');
    expect(result.steps[0]?.toolResults[0]).toMatchObject({ isError: true });
    expect(result.steps[0]?.toolResults[0]?.output).toMatch(/^"big" returned a value that cannot be sent as JSON/);
  });
});
