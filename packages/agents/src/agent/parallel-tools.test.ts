import { eventually, sleep, timerFunctions } from '@rivulet/test-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { ToolMessage } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { tool } from '@rivulet/models';
import { createAgent } from './create-agent.js';
import { useMockModel } from './test-support/use-mock-model.js';

const mock = useMockModel();
// The tools' waits in virtual time; the model's sockets stay real.
beforeEach(() => void vi.useFakeTimers({ toFake: [...timerFunctions] }));
afterEach(() => void vi.useRealTimers());

/** A tool that logs when it starts and ends, and waits `ms` in between. */
function slowTool(name: string, ms: number, log: string[]) {
  return tool({
    name,
    description: `Waits ${ms} ms.`,
    schema: z.object({}),
    execute: async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return `${name} done`;
    },
  });
}

describe('the tool calls of a step', () => {
  it('run in parallel: both start before either ends', async () => {
    const log: string[] = [];
    const model = await mock.start([
      {
        toolCalls: [
          { id: 'call_a', name: 'a', arguments: '{}' },
          { id: 'call_b', name: 'b', arguments: '{}' },
        ],
      },
      { text: 'Both done.' },
    ]);
    const agent = createAgent({ model, tools: [slowTool('a', 150, log), slowTool('b', 150, log)] });
    const answer = agent.invoke('Run both.');
    await eventually(() => log.length === 2, 'both tools to start');
    expect(log.sort()).toEqual(['start a', 'start b']);
    await vi.advanceTimersByTimeAsync(150);
    expect((await answer).text).toBe('Both done.');
    expect(log.slice(2).sort()).toEqual(['end a', 'end b']);
  });

  it('report each result as it arrives, and answer the model in call order', async () => {
    const log: string[] = [];
    const model = await mock.start([
      {
        toolCalls: [
          { id: 'call_slow', name: 'slow', arguments: '{}' },
          { id: 'call_fast', name: 'fast', arguments: '{}' },
        ],
      },
      { text: 'Done.' },
    ]);
    const agent = createAgent({ model, tools: [slowTool('slow', 150, log), slowTool('fast', 10, log)] });
    const streamed = collect(agent.stream('Run both.'));
    await eventually(() => log.length === 2, 'both tools to start');
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(['start slow', 'start fast', 'end fast']);
    await vi.advanceTimersByTimeAsync(140);
    const parts = await streamed;
    expect(log).toEqual(['start slow', 'start fast', 'end fast', 'end slow']);
    expect(parts.flatMap((p) => (p.type === 'tool-result' ? [p.toolName] : []))).toEqual(['fast', 'slow']);
    const step = parts.find((p) => p.type === 'step-finish');
    expect(step?.toolResults.map((r) => r.toolName)).toEqual(['slow', 'fast']);
    expect(step?.messages.slice(1).map((m) => (m as ToolMessage).toolCallId)).toEqual(['call_slow', 'call_fast']);
    const sent = mock.server().requests[1]?.body?.messages?.filter((m) => m.role === 'tool');
    expect(sent?.map((m) => m.tool_call_id)).toEqual(['call_slow', 'call_fast']);
  });
});
