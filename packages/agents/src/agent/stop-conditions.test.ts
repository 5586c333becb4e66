import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tool } from '@rivulet/models';
import { FakeChatModel } from '@rivulet/models/testing';
import type { MockReply } from '@rivulet/openai/testing';
import { createAgent } from './create-agent.js';
import { hasToolCall, stepCountIs } from './stop-conditions.js';
import { useMockModel, weather } from './test-support/use-mock-model.js';

const mock = useMockModel();

const submit = tool({ name: 'submit', description: 'Hands the work in.', schema: z.object({}), execute: () => 'submitted' });

/** A model that never stops calling tools: weather first, then submit from the third turn. */
const tireless = (request: { body?: { messages?: readonly { role: string }[] } | undefined }): MockReply => {
  const turn = (request.body?.messages ?? []).filter((m) => m.role === 'assistant').length;
  return { toolCalls: [{ name: turn >= 2 ? 'submit' : 'weather', arguments: '{"city":"Oslo"}' }] };
};

describe('the loop ends', () => {
  it('at maxSteps, with the last tool results kept', async () => {
    const model = await mock.start(tireless);
    const result = await createAgent({ model, tools: [weather, submit], maxSteps: 2 }).invoke('Go on forever.');
    expect(mock.server().requests).toHaveLength(2);
    expect(result.steps).toHaveLength(2);
    expect(result.finishReason).toBe('tool_calls');
    expect(result.messages.map((m) => m.role)).toEqual(['ai', 'tool', 'ai', 'tool']);
  });

  it('after 10 steps by default', async () => {
    const model = await mock.start(tireless);
    const result = await createAgent({ model, tools: [weather, submit] }).invoke('Go on forever.');
    expect(result.steps).toHaveLength(10);
  });

  it('when stopWhen says so after a step, seeing that step and all steps so far', async () => {
    const model = await mock.start(tireless);
    const seen: number[][] = [];
    const result = await createAgent({
      model,
      tools: [weather, submit],
      stopWhen: (step, steps) => {
        seen.push([step.step, steps.length]);
        return step.toolResults.some((r) => r.output === 'sunny in Oslo') && steps.length === 2;
      },
    }).invoke('Go.');
    expect(result.steps).toHaveLength(2);
    expect(seen).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('with stepCountIs(n) and hasToolCall(name), alone or in a list (any stops)', async () => {
    const model = await mock.start(tireless);
    expect((await createAgent({ model, tools: [weather, submit], stopWhen: stepCountIs(3) }).invoke('Go.')).steps).toHaveLength(3);
    const bySubmit = await createAgent({ model, tools: [weather, submit], stopWhen: [stepCountIs(8), hasToolCall('submit')] }).invoke('Go.');
    expect(bySubmit.steps.map((s) => s.toolCalls[0]?.name)).toEqual(['weather', 'weather', 'submit']);
    expect(bySubmit.steps.at(-1)?.toolResults[0]?.output).toBe('submitted');
  });

  it('with the error of a stop condition that throws', async () => {
    const model = await mock.start(tireless);
    const agent = createAgent({
      model,
      tools: [weather, submit],
      stopWhen: () => {
        throw new Error('bad condition');
      },
    });
    await expect(agent.invoke('Go.')).rejects.toThrow('bad condition');
  });

  it('after hundreds of steps that each complete synchronously, without growing the stack', async () => {
    // An in-process model and a synchronous tool: every step completes inside the previous one's callback unless the loop flattens it.
    const model = new FakeChatModel([{ toolCalls: [{ name: 'weather', args: { city: 'Oslo' } }] }]);
    let synchronous = true;
    const steps: number[] = [];
    createAgent({ model, tools: [weather], maxSteps: 500 })
      .stream('Go.')
      .subscribe({ next: (part) => part.type === 'finish' && steps.push(part.steps), error: (error: unknown) => steps.push(-1, String(error).length) });
    synchronous = steps.length > 0;
    expect(synchronous).toBe(true);
    expect(steps).toEqual([500]);
  });
});
