import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFolder, human, ProviderError, type AIMessage, type ToolMessage } from '@rivulet/core';
import { collect, settle } from '@rivulet/core/testing';
import { tool } from '@rivulet/models';
import { createAgent } from './create-agent.js';
import type { AgentPart } from './agent-parts.js';
import { byTurn, sentMessages, useMockModel, weather } from './test-support/use-mock-model.js';

const mock = useMockModel();

const time = tool({
  name: 'time',
  description: 'The local time in a city.',
  schema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, time: '12:00' }),
});

describe('createAgent', () => {
  it('calls the tools the model asks for, sends the results back in call order, and ends on an answer', async () => {
    const model = await mock.start([
      {
        toolCalls: [
          { id: 'call_w', name: 'weather', arguments: '{"city":"Oslo"}' },
          { id: 'call_t', name: 'time', arguments: '{"city":"Oslo"}' },
        ],
        usage: { promptTokens: 10, completionTokens: 5 },
      },
      { text: 'Sunny, and it is noon.', usage: { promptTokens: 30, completionTokens: 7 } },
    ]);
    const agent = createAgent({ model, tools: [weather, time], instructions: 'Be brief.' });
    const result = await agent.invoke('Weather and time in Oslo?');

    expect(result.text).toBe('Sunny, and it is noon.');
    expect(result.finishReason).toBe('stop');
    expect(result.steps).toHaveLength(2);
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 12, totalTokens: 52 });
    expect(result.messages.map((m) => `${m.role}:${m.text}`)).toEqual([
      'ai:',
      'tool:sunny in Oslo',
      'tool:{"city":"Oslo","time":"12:00"}',
      'ai:Sunny, and it is noon.',
    ]);
    expect((result.messages[0] as AIMessage).toolCalls.map((c) => c.id)).toEqual(['call_w', 'call_t']);
    expect((result.messages.slice(1, 3) as ToolMessage[]).map((m) => m.toolCallId)).toEqual(['call_w', 'call_t']);
    // The model saw the instructions first, then the question, then its own calls answered in call order.
    expect(sentMessages(mock.server().requests[1])).toEqual([
      'system: Be brief.',
      'user: Weather and time in Oslo?',
      'assistant: null calls weather,time',
      'tool [call_w]: sunny in Oslo',
      'tool [call_t]: {"city":"Oslo","time":"12:00"}',
    ]);
    expect(mock.server().requests[0]?.body?.tools?.map((t) => ('function' in t ? t.function.name : ''))).toEqual(['weather', 'time']);
  });

  it('streams typed parts as they happen, and invoke is their fold', async () => {
    const script = [
      { text: 'Let me check.', reasoning: 'Need weather.', toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Lima"}' }], chunkSize: 5 },
      { text: 'Sunny in Lima.' },
    ];
    const model = await mock.start(byTurn(script));
    const agent = createAgent({ model, tools: [weather] });
    const parts = await collect(agent.stream([human('Weather in Lima?')]));

    const kinds = parts.map((p) => p.type).filter((type, i, all) => type !== all[i - 1]);
    expect(kinds).toEqual([
      'step-start',
      'reasoning-delta',
      'text-delta',
      'tool-call-delta',
      'tool-call',
      'tool-result',
      'step-finish',
      'step-start',
      'text-delta',
      'step-finish',
      'finish',
    ]);
    const text = (step: number) => parts.flatMap((p) => (p.type === 'text-delta' && p.step === step ? [p.text] : [])).join('');
    expect(text(0)).toBe('Let me check.');
    expect(text(1)).toBe('Sunny in Lima.');
    expect(parts.flatMap((p) => (p.type === 'reasoning-delta' ? [p.text] : [])).join('')).toBe('Need weather.');

    // Argument fragments name their call and carry the arguments parsed so far.
    const deltas = parts.filter((p): p is Extract<AgentPart, { type: 'tool-call-delta' }> => p.type === 'tool-call-delta');
    expect(deltas.every((d) => d.toolCallId === 'call_1' && d.toolName === 'weather')).toBe(true);
    expect(deltas.map((d) => d.argsTextDelta).join('')).toBe('{"city":"Lima"}');
    expect(deltas.at(-1)?.partialArgs).toEqual({ city: 'Lima' });
    expect(deltas.some((d) => d.partialArgs !== undefined && d.partialArgs['city'] !== 'Lima')).toBe(true);

    expect(parts.find((p) => p.type === 'tool-call')).toEqual({ type: 'tool-call', step: 0, toolCallId: 'call_1', toolName: 'weather', args: { city: 'Lima' } });
    expect(parts.find((p) => p.type === 'tool-result')).toEqual({
      type: 'tool-result',
      step: 0,
      toolCallId: 'call_1',
      toolName: 'weather',
      output: 'sunny in Lima',
      isError: false,
    });
    const finishes = parts.filter((p) => p.type === 'step-finish');
    expect(finishes.map((p) => [p.step, p.finishReason, p.text])).toEqual([
      [0, 'tool_calls', 'Let me check.'],
      [1, 'stop', 'Sunny in Lima.'],
    ]);
    expect(finishes[0]?.usage?.totalTokens).toBeGreaterThan(0);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop', steps: 2 });

    // invoke is the fold of the same stream: the fold of the parts gives the same result.
    const folder = createFolder(agent.outputAggregation());
    for (const part of parts) folder.add(part);
    const folded = folder.result();
    const invoked = await agent.invoke([human('Weather in Lima?')]);
    expect(folded.text).toBe(invoked.text);
    expect(folded.steps.length).toBe(invoked.steps.length);
    // Both runs say the same, whatever ids the server gave each response.
    const comparable = (messages: readonly (AIMessage | ToolMessage)[]) =>
      messages.map((m) => (m.role === 'ai' ? [m.text, m.toolCalls, m.finishReason, m.reasoning] : [m.text, m.toolCallId, m.isError]));
    expect(comparable(folded.messages)).toEqual(comparable(invoked.messages));
  });

  it('folds parts that crossed the wire as JSON into the same result, messages revived', async () => {
    const model = await mock.start([{ toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }] }, { text: 'Sunny.' }]);
    const agent = createAgent({ model, tools: [weather] });
    const parts = await collect(agent.stream('Weather?'));
    const local = createFolder(agent.outputAggregation());
    const remote = createFolder(agent.outputAggregation());
    for (const part of parts) {
      local.add(part);
      remote.add(JSON.parse(JSON.stringify(part)) as AgentPart);
    }
    const [a, b] = [local.result(), remote.result()];
    expect(b.messages.map((m) => m.constructor.name)).toEqual(['AIMessage', 'ToolMessage', 'AIMessage']);
    expect(b.messages.map((m) => m.toJSON())).toEqual(a.messages.map((m) => m.toJSON()));
    expect({ ...b, messages: [], steps: [] }).toEqual({ ...a, messages: [], steps: [] });
  });

  it('fails with the typed error of a model call that fails, after streaming the steps before it', async () => {
    const model = await mock.start([{ toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }] }, { status: 400, error: { message: 'bad request' } }]);
    const { chunks, error } = await settle(createAgent({ model, tools: [weather] }).stream('Weather?'));
    expect(ProviderError.isInstance(error)).toBe(true);
    expect((error as ProviderError).status).toBe(400);
    expect(chunks.filter((p) => p.type === 'step-finish')).toHaveLength(1);
    expect(chunks.some((p) => p.type === 'finish')).toBe(false);
  });

  it('answers in one step when the model calls no tool', async () => {
    const model = await mock.start({ text: 'Hello.' });
    const result = await createAgent({ model, tools: [weather] }).invoke('Hi');
    expect(result).toMatchObject({ text: 'Hello.', finishReason: 'stop' });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ step: 0, toolCalls: [], toolResults: [] });
    expect(mock.server().requests).toHaveLength(1);
  });
});
