import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { createAgent } from './create-agent.js';
import { useMockModel, weather } from './test-support/use-mock-model.js';

const mock = useMockModel();

describe('streamEvents of an agent', () => {
  it('nests every step under the agent, and the model call and tool calls of a step under it', async () => {
    const model = await mock.start([
      {
        toolCalls: [
          { id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' },
          { id: 'call_2', name: 'weather', arguments: '{"city":"Lima"}' },
        ],
      },
      { text: 'Sunny in both.' },
    ]);
    const agent = createAgent({ model, tools: [weather], name: 'forecaster' });
    const events = await collect(agent.streamEvents('Oslo and Lima?', { tags: ['trip'] }));

    const starts = events.filter((e): e is Extract<RunEvent, { type: 'start' }> => e.type === 'start');
    const byId = new Map(starts.map((e) => [e.runId, e]));
    // Each run as the chain of names from the root down to it.
    const path = (event: RunEvent): string => {
      const names: string[] = [];
      for (let at: RunEvent | undefined = event; at !== undefined; at = at.parentRunId === undefined ? undefined : byId.get(at.parentRunId)) names.unshift(at.name);
      return names.join(' > ');
    };
    expect(starts.map(path)).toEqual([
      'forecaster',
      'forecaster > agent-step',
      `forecaster > agent-step > ${model.name}`,
      'forecaster > agent-step > weather',
      'forecaster > agent-step > weather',
      'forecaster > agent-step',
      `forecaster > agent-step > ${model.name}`,
    ]);
    expect(starts.every((e) => e.tags.includes('trip'))).toBe(true);
    const [, firstStep, , oslo] = starts;
    expect(firstStep?.data).toMatchObject({ input: { step: 0 } });
    expect(oslo?.data).toEqual({ input: { city: 'Oslo' }, aggregate: { kind: 'snapshot' } });

    // Every run that started ended, the tool runs with their results, the agent with its result.
    const ends = events.filter((e): e is Extract<RunEvent, { type: 'end' }> => e.type === 'end');
    expect(ends.map((e) => e.runId).sort()).toEqual(starts.map((e) => e.runId).sort());
    const toolEnds = ends.filter((e) => e.name === 'weather').map((e) => e.data.output);
    expect(toolEnds.sort()).toEqual(['sunny in Lima', 'sunny in Oslo']);
    expect(ends.at(-1)).toMatchObject({ name: 'forecaster', data: { output: { text: 'Sunny in both.', finishReason: 'stop' } } });
  });
});
