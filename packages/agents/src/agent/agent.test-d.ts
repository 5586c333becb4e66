import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { AIMessage, ChunkOf, FinishReason, OutputOf, RunContext, Runnable, ToolCall, ToolMessage, Usage } from '@rivulet/core';
import { tool } from '@rivulet/models';
import { FakeChatModel } from '@rivulet/models/testing';
import { createAgent } from './create-agent.js';
import type { Agent, AgentInput } from './agent.js';
import type { AgentPart } from './agent-parts.js';
import type { AgentRunResult } from './agent-result.js';
import type { AgentStep } from './agent-step.js';

const model = new FakeChatModel('Hi');
const weather = tool({ name: 'weather', schema: z.object({ city: z.string() }), execute: ({ city }) => `sunny in ${city}` });
const count = tool({ name: 'count', schema: z.object({ n: z.number() }), execute: async ({ n }) => n + 1 });
const report = z.object({ city: z.string(), days: z.array(z.object({ high: z.number() })) });
type Report = z.output<typeof report>;

describe('createAgent types', () => {
  it('is a Runnable from a question or a conversation to a result, streaming parts', () => {
    const agent = createAgent({ model, tools: [weather, count] });
    expectTypeOf(agent).toEqualTypeOf<Agent>();
    expectTypeOf(agent).toExtend<Runnable<AgentInput, AgentRunResult, AgentPart>>();
    expectTypeOf<OutputOf<typeof agent>>().toEqualTypeOf<AgentRunResult>();
    expectTypeOf<ChunkOf<typeof agent>>().toEqualTypeOf<AgentPart>();
    expectTypeOf(agent.invoke).parameter(0).toEqualTypeOf<AgentInput>();
    expectTypeOf(agent.invoke).toBeCallableWith('Weather?');
    expectTypeOf(agent.invoke).toBeCallableWith([{ role: 'user', content: 'Weather?' }, ['ai', 'Where?'], ['human', 'Oslo']]);
    // @ts-expect-error a number is not a conversation
    expectTypeOf(agent.invoke).toBeCallableWith(42);
  });

  it('resolves to text, messages, steps, usage and finish reason, without output', async () => {
    const result = await createAgent({ model, tools: [weather] }).invoke('x');
    expectTypeOf(result.text).toEqualTypeOf<string>();
    expectTypeOf(result.messages).toEqualTypeOf<readonly (AIMessage | ToolMessage)[]>();
    expectTypeOf(result.steps).toEqualTypeOf<readonly AgentStep[]>();
    expectTypeOf(result.usage).toEqualTypeOf<Usage | undefined>();
    expectTypeOf(result.finishReason).toEqualTypeOf<FinishReason>();
    expectTypeOf(result).not.toHaveProperty('output');
  });

  it('types the answer and its partial snapshots from the output schema', async () => {
    const agent = createAgent({ model, tools: [weather], output: report });
    expectTypeOf(agent).toEqualTypeOf<Agent<Report>>();
    const result = await agent.invoke('x');
    expectTypeOf(result.output).toEqualTypeOf<Report>();
    for await (const part of agent.stream('x')) {
      if (part.type === 'partial-output') {
        expectTypeOf(part.partial).toEqualTypeOf<{ city?: string; days?: { high?: number }[] }>();
      }
      if (part.type === 'output') expectTypeOf(part.output).toEqualTypeOf<Report>();
    }
    const transformed = createAgent({ model, tools: [], output: z.object({ n: z.string().transform(Number) }) });
    expectTypeOf((await transformed.invoke('x')).output).toEqualTypeOf<{ n: number }>();
  });

  it('discriminates parts by type, each with its own fields', async () => {
    for await (const part of createAgent({ model, tools: [weather] }).stream('x')) {
      expectTypeOf(part.type).toEqualTypeOf<
        'step-start' | 'text-delta' | 'reasoning-delta' | 'tool-call-delta' | 'tool-call' | 'tool-result' | 'step-finish' | 'finish'
      >();
      switch (part.type) {
        case 'text-delta':
        case 'reasoning-delta':
          expectTypeOf(part.text).toEqualTypeOf<string>();
          break;
        case 'tool-call-delta':
          expectTypeOf(part.argsTextDelta).toEqualTypeOf<string>();
          expectTypeOf(part.partialArgs).toEqualTypeOf<Readonly<Record<string, unknown>> | undefined>();
          break;
        case 'tool-call':
          expectTypeOf(part.args).toEqualTypeOf<Readonly<Record<string, unknown>>>();
          break;
        case 'tool-result':
          expectTypeOf(part.isError).toEqualTypeOf<boolean>();
          expectTypeOf(part.output).toEqualTypeOf<unknown>();
          break;
        case 'step-finish':
          expectTypeOf(part.finishReason).toEqualTypeOf<FinishReason>();
          expectTypeOf(part.usage).toEqualTypeOf<Usage | undefined>();
          expectTypeOf(part.toolCalls).toEqualTypeOf<readonly ToolCall[]>();
          break;
        case 'finish':
          expectTypeOf(part.steps).toEqualTypeOf<number>();
          break;
        default:
          expectTypeOf(part.type).toEqualTypeOf<'step-start'>();
      }
    }
  });

  it('types stop conditions and approvals', () => {
    createAgent({
      model,
      tools: [weather],
      stopWhen: (step, steps) => {
        expectTypeOf(step).toEqualTypeOf<AgentStep>();
        expectTypeOf(steps).toEqualTypeOf<readonly AgentStep[]>();
        return false;
      },
      approve: async (call, ctx) => {
        expectTypeOf(call).toEqualTypeOf<ToolCall>();
        expectTypeOf(ctx).toEqualTypeOf<RunContext>();
        return { approved: false, reason: 'no' };
      },
    });
    // @ts-expect-error an approval is a yes or no, not a string
    createAgent({ model, tools: [weather], approve: () => 'yes' });
  });
});
