import { afterEach } from 'vitest';
import { z } from 'zod';
import { tool } from '@rivulet/models';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockReply, type MockScript, type OpenAIRecordedRequest } from '@rivulet/openai/testing';

/**
 * For the agent's tests: a mock OpenAI server per test (closed after it) and
 * an `OpenAIChatModel` talking to it over HTTP, retries off.
 */
export function useMockModel(): {
  start(script: MockScript): Promise<OpenAIChatModel>;
  server(): MockOpenAIServer;
} {
  let current: MockOpenAIServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(script) {
      current = await startMockOpenAIServer(script);
      return new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test', baseURL: current.url, maxRetries: 0 });
    },
    server() {
      if (!current) throw new Error('no mock server started in this test');
      return current;
    },
  };
}

/**
 * A script answering by turn: the request whose conversation holds `n`
 * assistant messages gets `replies[n]`, so the same agent can run several
 * times against one server.
 */
export function byTurn(replies: readonly MockReply[]): MockScript {
  return (request) => {
    const turn = (request.body?.messages ?? []).filter((message) => message.role === 'assistant').length;
    const reply = replies[turn];
    if (reply === undefined) throw new Error(`no reply scripted for turn ${turn}`);
    return reply;
  };
}

/** The messages a recorded request sent, as `role: text` lines, to assert what the model saw. */
export function sentMessages(request: OpenAIRecordedRequest | undefined): string[] {
  return (request?.body?.messages ?? []).map((message) => {
    const content = typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? null);
    const calls = 'tool_calls' in message && message.tool_calls ? ` calls ${message.tool_calls.map((c) => ('function' in c ? c.function.name : c.type)).join(',')}` : '';
    const id = 'tool_call_id' in message ? ` [${message.tool_call_id}]` : '';
    return `${message.role}${id}: ${content}${calls}`;
  });
}

/** A trivial tool: the weather in a city, synchronously. */
export const weather = tool({
  name: 'weather',
  description: 'The weather in a city.',
  schema: z.object({ city: z.string() }),
  execute: ({ city }) => `sunny in ${city}`,
});
