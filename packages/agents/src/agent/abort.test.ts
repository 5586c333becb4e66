import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AbortError } from '@rivulet/core';
import { tool } from '@rivulet/models';
import { createAgent } from './create-agent.js';
import { useMockModel, weather } from './test-support/use-mock-model.js';

const mock = useMockModel();

/** Timers alive in this process, the way Node counts them. */
const liveTimers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** A tool that waits a long time on a timer, unless its signal aborts first; it logs what happened. */
function waitingTool(name: string, log: string[], started: () => void) {
  return tool({
    name,
    description: 'Takes a long time.',
    schema: z.object({}),
    execute: (_args, ctx) =>
      new Promise<string>((resolve, reject) => {
        const signal = ctx?.signal as AbortSignal;
        const timer = setTimeout(() => resolve('finished'), 60_000);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          log.push(`${name} aborted`);
          reject(new Error('stopped'));
        });
        log.push(`${name} started`);
        started();
      }),
  });
}

describe('aborting an agent', () => {
  it('mid-tool aborts the signal of every running tool, ends with AbortError, and leaves no timer behind', async () => {
    const model = await mock.start([
      {
        toolCalls: [
          { id: 'call_a', name: 'a', arguments: '{}' },
          { id: 'call_b', name: 'b', arguments: '{}' },
        ],
      },
      { text: 'never asked' },
    ]);
    const before = liveTimers();
    const controller = new AbortController();
    const log: string[] = [];
    let running = 0;
    const started = (): void => {
      if (++running === 2) controller.abort();
    };
    const agent = createAgent({ model, tools: [waitingTool('a', log, started), waitingTool('b', log, started)] });
    const error = await agent.invoke('Wait.', { signal: controller.signal }).catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(log.sort()).toEqual(['a aborted', 'a started', 'b aborted', 'b started']);
    await mock.server().requests[0]?.settled;
    expect(mock.server().requests).toHaveLength(1);
    expect(liveTimers()).toBeLessThanOrEqual(before);
  });

  it('mid-reply closes the model request and ends with AbortError', async () => {
    const model = await mock.start({ text: 'a long answer that streams slowly', chunkSize: 2, delayMs: 20 });
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const part of createAgent({ model, tools: [weather] }).stream('Talk.', { signal: controller.signal })) {
        if (part.type === 'text-delta') {
          seen.push(part.text);
          controller.abort();
        }
      }
    })();
    const error = await run.catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    const request = mock.server().requests[0];
    await request?.settled;
    expect(request?.closedEarly).toBe(true);
    expect(seen.join('').length).toBeLessThan('a long answer that streams slowly'.length);
  });

  it('by leaving the loop stops the run and cancels its running tools', async () => {
    const model = await mock.start({ toolCalls: [{ id: 'call_a', name: 'a', arguments: '{}' }] });
    const log: string[] = [];
    let stop = (): void => undefined;
    const started = new Promise<void>((resolve) => (stop = resolve));
    const agent = createAgent({ model, tools: [waitingTool('a', log, () => stop())] });
    for await (const part of agent.stream('Wait.')) {
      if (part.type === 'tool-call') {
        await started;
        break;
      }
    }
    expect(log).toEqual(['a started', 'a aborted']);
  });
});
