import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { human, type Message } from '@rivulet/core';
import { executeToolCalls } from '@rivulet/models';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';
import { mcpTools, type McpToolset } from './index.js';

const everything = {
  command: process.execPath,
  args: [createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/dist/index.js'), 'stdio'],
  stderr: 'pipe',
} as const;

let model: MockOpenAIServer | undefined;
let toolset: McpToolset | undefined;
afterEach(async () => {
  await toolset?.close();
  await model?.close();
  model = toolset = undefined;
});

describe('MCP tools with a chat model (OpenAIChatModel over HTTP to the mock server)', () => {
  it('the model gets the server’s JSON Schema, calls the tool, and reads its result', async () => {
    toolset = await mcpTools(everything, { include: ['echo', 'get-sum'], prefix: 'everything_' });
    model = await startMockOpenAIServer([
      { toolCalls: [{ name: 'everything_get-sum', arguments: '{"a":2,"b":40}' }, { name: 'everything_echo', arguments: '{"message":"hi"}' }] },
      { text: 'The sum is 42.' },
    ]);
    const chat = new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test', baseURL: model.url }).bindTools(toolset.tools);
    const messages: Message[] = [human('Add 2 and 40, then say hi.')];
    const reply = await chat.invoke(messages);
    expect(reply.toolCalls.map((c) => [c.name, c.args])).toEqual([
      ['everything_get-sum', { a: 2, b: 40 }],
      ['everything_echo', { message: 'hi' }],
    ]);
    const results = await executeToolCalls(reply, toolset.tools);
    expect(results.map((m) => [m.name, m.content, m.isError ?? false])).toEqual([
      ['everything_get-sum', 'The sum of 2 and 40 is 42.', false],
      ['everything_echo', 'Echo: hi', false],
    ]);
    messages.push(reply, ...results);
    expect((await chat.invoke(messages)).text).toBe('The sum is 42.');

    const sent = model.requests[0]!.body!.tools!;
    for (const [name, listed] of toolset.descriptions) {
      const { $schema: _dialect, ...schema } = listed.inputSchema;
      expect(sent).toContainEqual({ type: 'function', function: { name, description: listed.description, parameters: schema } });
    }
    expect(sent).toHaveLength(2);
    expect(model.requests[1]!.body!.messages).toContainEqual(expect.objectContaining({ role: 'tool', content: 'Echo: hi' }));
  });

  it('arguments the schema rejects give the model an error result it can read', async () => {
    toolset = await mcpTools(everything, { include: ['get-sum'] });
    model = await startMockOpenAIServer({ toolCalls: [{ name: 'get-sum', arguments: '{"a":"two","b":40}' }] });
    const chat = new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test', baseURL: model.url }).bindTools(toolset.tools);
    const [result] = await executeToolCalls(await chat.invoke('Add two and 40'), toolset.tools);
    expect(result).toMatchObject({ isError: true, content: expect.stringContaining('data/a must be number') });
  });
});
