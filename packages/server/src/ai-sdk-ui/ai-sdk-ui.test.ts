import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lambda, ProviderError, type Message, type Runnable } from '@rivulet/core';
import { tool } from '@rivulet/models';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '@rivulet/openai/testing';
import { textParser } from '@rivulet/parsers';
import { createHandler } from '../handler/create-handler.js';
import { serve, type TestServer } from '../test-support/serve.js';

let mock: MockOpenAIServer | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await mock?.close();
  server = mock = undefined;
});

async function chatModel(script: MockScript): Promise<OpenAIChatModel> {
  mock = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test', baseURL: mock.url, maxRetries: 0 });
}

/** The AI SDK's own client side: `DefaultChatTransport` sends, `readUIMessageStream` builds the message. */
async function chat<O, C>(runnable: Runnable<Message[], O, C>, messages: UIMessage[], abortSignal?: AbortSignal): Promise<{ stream: ReadableStream<UIMessageChunk> }> {
  server = await serve(createHandler(runnable, { protocol: 'ai-sdk-ui' }));
  const transport = new DefaultChatTransport({ api: `${server.url}/chat` });
  const stream = await transport.sendMessages({ chatId: 'chat-1', messages, trigger: 'submit-message', messageId: undefined, abortSignal });
  return { stream };
}

async function lastMessage(stream: ReadableStream<UIMessageChunk>): Promise<UIMessage> {
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream, terminateOnError: true })) last = message;
  if (last === undefined) throw new Error('no message');
  return last;
}

const ask = (text: string): UIMessage => ({ id: 'u1', role: 'user', parts: [{ type: 'text', text }] });

describe("createHandler(r, { protocol: 'ai-sdk-ui' }): POST …/chat for useChat", () => {
  it('streams a model reply as one text part, in many deltas', async () => {
    const model = await chatModel({ text: 'Rivers flow to the sea.', chunkSize: 3, delayMs: 2 }); // apart, as a model writes
    const { stream } = await chat(model, [ask('Where do rivers go?')]);
    const chunks: UIMessageChunk[] = [];
    const [forMessage, forLog] = stream.tee();
    const message = lastMessage(forMessage);
    for await (const chunk of forLog) chunks.push(chunk);
    expect((await message).parts).toEqual([{ type: 'step-start' }, { type: 'text', text: 'Rivers flow to the sea.', state: 'done' }]);
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').length).toBeGreaterThan(3);
    expect(chunks.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    expect(mock!.requests[0]!.body!.messages).toEqual([{ role: 'user', content: 'Where do rivers go?' }]);
  });

  it('streams reasoning before the text, each its own part', async () => {
    const model = await chatModel({ reasoning: 'They flow downhill.', text: 'To the sea.', chunkSize: 4 });
    const { stream } = await chat(model, [ask('Where?')]);
    const message = await lastMessage(stream);
    expect(message.parts.map((part) => part.type)).toEqual(['step-start', 'reasoning', 'text']);
    expect(message.parts[1]).toMatchObject({ type: 'reasoning', text: 'They flow downhill.', state: 'done' });
  });

  it('streams tool calls: input deltas, then the parsed input', async () => {
    const weather = tool({ name: 'weather', description: 'Weather in a city', schema: z.object({ city: z.string() }) });
    const model = (await chatModel({ toolCalls: [{ name: 'weather', arguments: '{"city":"Oslo"}' }], chunkSize: 4 })).bindTools([weather]);
    const { stream } = await chat(model, [ask('Weather in Oslo?')]);
    const message = await lastMessage(stream);
    expect(message.parts[1]).toMatchObject({ type: 'tool-weather', state: 'input-available', input: { city: 'Oslo' } });
    expect((message.parts[1] as { toolCallId: string }).toolCallId).toMatch(/^call_/);
  });

  it('sends the whole conversation: earlier turns, tool calls with their results, system text', async () => {
    const model = await chatModel({ text: 'Cold.' });
    const history: UIMessage[] = [
      { id: 's', role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
      ask('Weather in Oslo?'),
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          { type: 'dynamic-tool', toolName: 'weather', toolCallId: 'call_1', state: 'output-available', input: { city: 'Oslo' }, output: { temp: -3 } },
          { type: 'step-start' },
          { type: 'text', text: 'It is -3.' },
        ],
      },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'Cold?' }] },
    ];
    const { stream } = await chat(model, history);
    await lastMessage(stream);
    expect(mock!.requests[0]!.body!.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Oslo?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":-3}' },
      { role: 'assistant', content: 'It is -3.' },
      { role: 'user', content: 'Cold?' },
    ]);
  });

  it('serves a chain that ends in a text parser the same way', async () => {
    const model = await chatModel({ text: 'Plain text.', chunkSize: 2 });
    const { stream } = await chat(model.pipe(textParser()), [ask('Say something')]);
    expect((await lastMessage(stream)).parts).toEqual([{ type: 'step-start' }, { type: 'text', text: 'Plain text.', state: 'done' }]);
  });

  it("carries an agent's parts: steps, tool calls with their results, then the answer", async () => {
    // The parts `createAgent` streams (see @rivulet/agents), for a two-step run.
    const agent = lambda(async function* (_: Message[]) {
      yield { type: 'step-start', step: 0 };
      yield { type: 'tool-call-delta', step: 0, toolCallId: 'call_1', toolName: 'weather', argsTextDelta: '{"city":', partialArgs: undefined };
      yield { type: 'tool-call-delta', step: 0, toolCallId: 'call_1', toolName: 'weather', argsTextDelta: '"Oslo"}', partialArgs: { city: 'Oslo' } };
      yield { type: 'tool-call', step: 0, toolCallId: 'call_1', toolName: 'weather', args: { city: 'Oslo' } };
      yield { type: 'tool-result', step: 0, toolCallId: 'call_1', toolName: 'weather', output: { temp: -3 }, isError: false };
      yield { type: 'step-finish', step: 0 };
      yield { type: 'step-start', step: 1 };
      yield { type: 'text-delta', step: 1, text: 'It is ' };
      yield { type: 'text-delta', step: 1, text: '-3.' };
      yield { type: 'step-finish', step: 1 };
      yield { type: 'finish', finishReason: 'stop', usage: undefined, steps: 2 };
    });
    const message = await lastMessage((await chat(agent, [ask('Weather in Oslo?')])).stream);
    expect(message.parts).toEqual([
      { type: 'step-start' },
      expect.objectContaining({ type: 'tool-weather', toolCallId: 'call_1', state: 'output-available', input: { city: 'Oslo' }, output: { temp: -3 } }),
      { type: 'step-start' },
      { type: 'text', text: 'It is -3.', state: 'done' },
    ]);
  });

  it('a run that fails mid-stream ends with an error part: a Rivulet error says what happened, any other is masked', async () => {
    const failing = lambda(async function* (_: Message[]) {
      yield 'partial ';
      throw new ProviderError('the model went away', { provider: 'openai', status: 503 });
    });
    await expect(lastMessage((await chat(failing, [ask('x')])).stream)).rejects.toThrow('the model went away');
    await server!.close();
    const leaking = lambda(async function* (_: Message[]) {
      yield 'partial ';
      throw new Error('password=hunter2');
    });
    await expect(lastMessage((await chat(leaking, [ask('x')])).stream)).rejects.toThrow('Internal server error.');
  });

  it('stopping (the abort signal useChat.stop() uses) cancels the model request', async () => {
    const model = await chatModel({ text: 'word '.repeat(400), chunkSize: 5, delayMs: 5 });
    const controller = new AbortController();
    const { stream } = await chat(model, [ask('Talk')], controller.signal);
    const reader = stream.getReader();
    while ((await reader.read()).value?.type !== 'text-delta');
    controller.abort();
    await reader.read().catch(() => undefined);
    const [request] = mock!.requests;
    await request!.settled;
    expect(request).toMatchObject({ closedEarly: true });
  });

  it('answers 400 naming the bad message, and refuses a runnable whose chunks are not text', async () => {
    server = await serve(createHandler(lambda((_: Message[]) => 'ok'), { protocol: 'ai-sdk-ui' }));
    const response = await fetch(`${server.url}/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ id: 'x', role: 'robot', parts: [] }] }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { name: 'InputError', message: expect.stringContaining('messages[0] has role "robot"') } });
    await server.close();
    const objects = lambda((_: Message[]) => ({ city: 'Oslo' }));
    const { stream } = await chat(objects, [ask('x')]);
    await expect(lastMessage(stream)).rejects.toThrow('cannot carry');
  });
});
