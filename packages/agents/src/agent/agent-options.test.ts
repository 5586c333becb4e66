import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '@rivulet/core';
import { tool } from '@rivulet/models';
import { FakeChatModel } from '@rivulet/models/testing';
import { createAgent } from './create-agent.js';
import { OUTPUT_TOOL_NAME } from './output-tool.js';
import { weather } from './test-support/use-mock-model.js';

const model = new FakeChatModel('Hi.');

describe('createAgent rejects, with InputError, before any request', () => {
  it.each([0, -1, 2.5, Number.NaN])('maxSteps %s', (maxSteps) => {
    expect(() => createAgent({ model, tools: [weather], maxSteps })).toThrow(InputError);
    expect(() => createAgent({ model, tools: [weather], maxSteps })).toThrow(`maxSteps must be a whole number of at least 1, got ${maxSteps}.`);
  });

  it('two tools with one name', () => {
    expect(() => createAgent({ model, tools: [weather, weather] })).toThrow('Two tools are named "weather": tool names must be unique.');
  });

  it('a tool without execute', () => {
    const described = tool({ name: 'lookup', schema: z.object({}) });
    expect(() => createAgent({ model, tools: [described] })).toThrow('The tool "lookup" has no execute function, so an agent cannot run it.');
  });

  it(`a tool named ${OUTPUT_TOOL_NAME} beside output`, () => {
    const clash = tool({ name: OUTPUT_TOOL_NAME, schema: z.object({}), execute: () => 'x' });
    expect(() => createAgent({ model, tools: [clash], output: z.object({ a: z.string() }) })).toThrow(InputError);
    expect(createAgent({ model, tools: [clash] }).name).toBe('agent');
  });

  it('an output schema JSON Schema cannot express', () => {
    expect(() => createAgent({ model, tools: [], output: z.object({ n: z.bigint() }) })).toThrow(InputError);
  });

  it('input that is not a conversation (when run)', async () => {
    const agent = createAgent({ model, tools: [] });
    await expect(agent.invoke(42 as unknown as string)).rejects.toBeInstanceOf(InputError);
    expect(model.requests).toHaveLength(0);
  });
});

describe('an agent without tools', () => {
  it('is one model call, its instructions first', async () => {
    const chat = new FakeChatModel('Hello there.');
    const result = await createAgent({ model: chat, tools: [], instructions: 'Be kind.' }).invoke([{ role: 'user', content: 'Hi' }]);
    expect(result.text).toBe('Hello there.');
    expect(chat.requests[0]?.messages.map((m) => `${m.role}:${m.text}`)).toEqual(['system:Be kind.', 'human:Hi']);
    expect(chat.requests[0]?.tools).toBeUndefined();
  });
});
