import { nextTurn } from '@rivulet/test-kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunContext, ToolCall } from '@rivulet/core';
import { tool } from '@rivulet/models';
import { createAgent } from './create-agent.js';
import { useMockModel } from './test-support/use-mock-model.js';

const mock = useMockModel();

function transferTool(ran: string[]) {
  return tool({
    name: 'transfer',
    description: 'Moves money.',
    schema: z.object({ amount: z.number() }),
    execute: ({ amount }) => {
      ran.push(`transfer ${amount}`);
      return 'moved';
    },
  });
}

const script = [
  {
    toolCalls: [
      { id: 'call_small', name: 'transfer', arguments: '{"amount":5}' },
      { id: 'call_big', name: 'transfer', arguments: '{"amount":5000}' },
    ],
  },
  { text: 'One transfer was declined.' },
];

describe('approve', () => {
  it('declines a call synchronously: the tool does not run and the model gets a refusal', async () => {
    const ran: string[] = [];
    const asked: ToolCall[] = [];
    const model = await mock.start(script);
    const agent = createAgent({
      model,
      tools: [transferTool(ran)],
      approve: (call) => {
        asked.push(call);
        return (call.args['amount'] as number) < 100;
      },
    });
    const result = await agent.invoke('Pay both.');
    expect(ran).toEqual(['transfer 5']);
    expect(asked.map((c) => c.id)).toEqual(['call_small', 'call_big']);
    expect(result.steps[0]?.toolResults).toEqual([
      { toolCallId: 'call_small', toolName: 'transfer', output: 'moved', isError: false },
      { toolCallId: 'call_big', toolName: 'transfer', output: 'The call of "transfer" was declined and did not run.', isError: true },
    ]);
    const tools = mock.server().requests[1]?.body?.messages?.filter((m) => m.role === 'tool');
    expect(tools?.map((m) => m.content)).toEqual(['moved', 'The call of "transfer" was declined and did not run.']);
    expect(result.text).toBe('One transfer was declined.');
  });

  it('waits for an async decision (a human in the loop) with a reason, given the run context', async () => {
    const ran: string[] = [];
    const model = await mock.start(script);
    let context: RunContext | undefined;
    const agent = createAgent({
      model,
      tools: [transferTool(ran)],
      approve: async (call, ctx) => {
        context = ctx;
        await nextTurn();
        return call.args['amount'] === 5 ? true : { approved: false, reason: 'over the limit' };
      },
    });
    const result = await agent.invoke('Pay both.');
    expect(ran).toEqual(['transfer 5']);
    expect(result.steps[0]?.toolResults[1]).toMatchObject({ isError: true, output: 'The call of "transfer" was declined and did not run. Reason: over the limit' });
    expect(context?.signal).toBeInstanceOf(AbortSignal);
  });

  it('fails the run when the approval itself throws: a bug in the app is not a refusal', async () => {
    const ran: string[] = [];
    const model = await mock.start(script);
    const agent = createAgent({
      model,
      tools: [transferTool(ran)],
      approve: () => {
        throw new Error('approval service down');
      },
    });
    await expect(agent.invoke('Pay both.')).rejects.toThrow('approval service down');
    expect(ran).toEqual([]);
  });
});
