import { afterEach, describe, expect, it } from 'vitest';
import { AIMessage, HumanMessage, InputError, SystemMessage, ToolMessage, type AIMessageChunk } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import type { ToolDefinitionV1 } from '@rivulet/provider';
import { startMockOllamaServer, type MockOllamaScript, type MockOllamaServer } from '../testing/index.js';
import { OllamaChatModel, type OllamaChatModelOptions } from './ollama-chat-model.js';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockOllamaScript, options: Partial<OllamaChatModelOptions> = {}): Promise<OllamaChatModel> {
  server = await startMockOllamaServer(script);
  return new OllamaChatModel({ model: 'llama3.2', host: server.url, retry: { initialDelayMs: 1 }, ...options });
}

const bodyOf = (index = 0) => server!.requests[index]!.body!;
const text = (chunks: readonly AIMessageChunk[]) => chunks.map((chunk) => chunk.content).join('');
const weather: ToolDefinitionV1 = { name: 'weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const clock: ToolDefinitionV1 = { name: 'clock', parameters: { type: 'object', properties: {} } };

describe('OllamaChatModel: the request', () => {
  it('sends every kind of message in Ollama form: images as base64, earlier calls with object arguments, results with their tool name', async () => {
    const model = await modelFor({ text: 'ok' });
    await model.invoke([
      new SystemMessage({ content: 'Be brief.' }),
      new HumanMessage({
        content: [
          { type: 'text', text: 'What is ' },
          { type: 'image', data: 'aGVsbG8=', mimeType: 'image/png' },
          { type: 'text', text: 'this?' },
          { type: 'image', url: 'data:image/jpeg;base64,d29ybGQ=' },
        ],
      }),
      new AIMessage({ content: '', reasoning: 'Look it up.', toolCalls: [{ id: 'call_x', name: 'weather', args: { city: 'Oslo' } }] }),
      new ToolMessage({ content: 'Sunny', toolCallId: 'call_x' }),
    ]);
    expect(bodyOf()).toEqual({
      model: 'llama3.2',
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is this?', images: ['aGVsbG8=', 'd29ybGQ='] },
        { role: 'assistant', content: '', thinking: 'Look it up.', tool_calls: [{ function: { name: 'weather', arguments: { city: 'Oslo' } } }] },
        { role: 'tool', content: 'Sunny', tool_name: 'weather' },
      ],
    });
  });

  it('maps sampling parameters into options, keepAlive and think to their fields, and sends headers with the Bearer key', async () => {
    const model = await modelFor({ text: 'ok' }, {
      temperature: 0.2, topP: 0.9, maxTokens: 64, stop: ['\n\n'], seed: 7, presencePenalty: 0.5, frequencyPenalty: 0.25,
      keepAlive: '10m', think: 'high', headers: { 'x-tenant': 'river' }, apiKey: 'hosted-key-123456',
    });
    await model.invoke('hi');
    expect(bodyOf()).toMatchObject({
      keep_alive: '10m',
      think: 'high',
      options: { temperature: 0.2, top_p: 0.9, num_predict: 64, stop: ['\n\n'], seed: 7, presence_penalty: 0.5, frequency_penalty: 0.25 },
    });
    expect(server!.requests[0]!.headers).toMatchObject({ authorization: 'Bearer hosted-key-123456', 'x-tenant': 'river', 'user-agent': expect.stringMatching(/^ollama-js\//) });
  });

  it('merges providerOptions last, their options into the sampling options', async () => {
    const model = await modelFor({ text: 'ok' }, { temperature: 0.1, providerOptions: { options: { num_ctx: 8192 }, logprobs: true } });
    await model.invoke('hi');
    expect(bodyOf()).toMatchObject({ options: { temperature: 0.1, num_ctx: 8192 }, logprobs: true });
  });

  it('sends tools as functions; tool choice none sends none, a named choice only that tool, required all', async () => {
    const model = await modelFor({ text: 'ok' });
    const tools = [weather, clock];
    await model.bindTools(tools).invoke('hi');
    await model.bindTools(tools, { toolChoice: 'none' }).invoke('hi');
    await model.bindTools(tools, { toolChoice: { name: 'clock' } }).invoke('hi');
    await model.bindTools(tools, { toolChoice: 'required' }).invoke('hi');
    expect(bodyOf(0).tools).toEqual([
      { type: 'function', function: { name: 'weather', description: 'Weather in a city', parameters: weather.parameters } },
      { type: 'function', function: { name: 'clock', parameters: clock.parameters } },
    ]);
    expect(bodyOf(1)).not.toHaveProperty('tools');
    expect(bodyOf(2).tools?.map((tool) => tool.function.name)).toEqual(['clock']);
    expect(bodyOf(3).tools).toHaveLength(2);
  });

  it('asks for JSON with format: "json" for JSON mode and the schema itself for a JSON Schema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const model = await modelFor({ text: '{}' });
    await model.withOptions({ responseFormat: { type: 'json' } }).invoke('hi');
    await model.withOptions({ responseFormat: { type: 'json_schema', name: 'trip', schema } }).invoke('hi');
    await model.withOptions({ responseFormat: { type: 'text' } }).invoke('hi');
    expect([bodyOf(0).format, bodyOf(1).format, bodyOf(2).format]).toEqual(['json', schema, undefined]);
  });

  it('refuses what Ollama cannot take with an InputError before any request: an image by URL, n > 1', async () => {
    const model = await modelFor({ text: 'never' });
    const image = new HumanMessage({ content: [{ type: 'image', url: 'https://example.com/river.png' }] });
    await expect(model.invoke([image])).rejects.toSatisfy((error) => InputError.isInstance(error) && /base64/.test((error as Error).message));
    await expect(model.generate('hi', { n: 2 })).rejects.toSatisfy(InputError.isInstance);
    expect(server!.requests).toHaveLength(0);
  });
});

describe('OllamaChatModel: the reply', () => {
  it('streams each text line as its own chunk, thinking as reasoning before it, and ends with usage, metadata and finish', async () => {
    const model = await modelFor({ thinking: 'Rivers, hmm.', text: 'Rivers carve canyons.', chunkSize: 4, usage: { promptEvalCount: 12, evalCount: 9 } }, { think: true });
    const chunks = await collect(model.stream('Tell me about rivers.'));
    expect(chunks.map((chunk) => chunk.content).filter(Boolean)).toEqual(['Rive', 'rs c', 'arve', ' can', 'yons', '.']);
    expect(chunks.map((chunk) => chunk.reasoning ?? '').join('')).toBe('Rivers, hmm.');
    expect(chunks.findIndex((chunk) => chunk.reasoning)).toBeLessThan(chunks.findIndex((chunk) => chunk.content));
    const reply = chunks.reduce((message, chunk) => message.concat(chunk));
    expect(reply).toMatchObject({ content: 'Rivers carve canyons.', finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 9, totalTokens: 21 } });
    expect(reply.responseMetadata).toMatchObject({ model: 'llama3.2', createdAt: expect.any(String), totalDuration: expect.any(Number), evalDuration: expect.any(Number), finishReason: 'stop' });
    expect(bodyOf()).toMatchObject({ think: true });
  });

  it('maps done_reason: length to length, any other reason to other with the raw one kept', async () => {
    const model = await modelFor([{ text: 'cut', doneReason: 'length' }, { doneReason: 'load' }]);
    expect(await model.invoke('a')).toMatchObject({ finishReason: 'length', responseMetadata: { finishReason: 'length' } });
    expect(await model.invoke('b')).toMatchObject({ finishReason: 'other', responseMetadata: { finishReason: 'load' } });
  });

  it('reads a done line without done_reason (older servers) as stop, and counts left out as 0', async () => {
    const lines = ['{"model":"m","message":{"role":"assistant","content":"Hi"},"done":false}', '{"model":"m","message":{"role":"assistant","content":""},"done":true,"eval_count":1}'];
    const model = await modelFor({ verbatimBody: { contentType: 'application/x-ndjson', text: `${lines.join('\n')}\n` } });
    const reply = await model.invoke('hi');
    expect(reply).toMatchObject({ content: 'Hi', finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 1, totalTokens: 1 } });
    expect(reply.responseMetadata['finishReason']).toBeUndefined();
  });

  it('turns whole tool calls into calls with made-up ids, unique across replies, and finishes with tool_calls', async () => {
    const calls = [
      { name: 'weather', arguments: { city: 'Oslo' } },
      { name: 'weather', arguments: { city: 'Rome' } },
    ];
    const model = (await modelFor([{ text: 'Checking.', toolCalls: calls }, { toolCalls: calls, toolCallsInOneLine: true }])).bindTools([weather]);
    const first = await model.invoke('Weather in Oslo and Rome?');
    const second = await model.invoke('Again?');
    for (const reply of [first, second]) {
      expect(reply.toolCalls.map(({ name, args }) => ({ name, args }))).toEqual(calls.map(({ name, arguments: args }) => ({ name, args })));
      expect(reply.finishReason).toBe('tool_calls');
      expect(reply.responseMetadata['finishReason']).toBe('stop');
    }
    expect(first.content).toBe('Checking.');
    const ids = [...first.toolCalls, ...second.toolCalls].map((call) => call.id);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^call_[0-9a-f]{24}$/);
  });

  it('gives a tool call with null arguments an empty object, with partialArgs as it streams', async () => {
    const done = '{"model":"m","message":{"role":"assistant","content":""},"done_reason":"stop","done":true}';
    const call = '{"model":"m","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"clock","arguments":null}}]},"done":false}';
    const model = (await modelFor({ verbatimBody: { contentType: 'application/x-ndjson', text: `${call}\n${done}\n` } })).bindTools([clock]);
    const chunks = await collect(model.stream('time?'));
    expect(chunks.flatMap((chunk) => chunk.toolCallChunks).map((fragment) => fragment.partialArgs).filter(Boolean)).toEqual([{}]);
    expect(chunks.reduce((message, chunk) => message.concat(chunk)).toolCalls).toEqual([{ id: expect.any(String), name: 'clock', args: {} }]);
  });

  it('runs a tool loop: the result goes back with the tool name of the call it answers', async () => {
    const model = (await modelFor([{ toolCalls: [{ name: 'weather', arguments: { city: 'Oslo' } }] }, { text: 'It is sunny in Oslo.' }])).bindTools([weather]);
    const question = new HumanMessage('Weather in Oslo?');
    const call = await model.invoke([question]);
    const answer = await model.invoke([question, call, new ToolMessage({ content: '{"sky":"sunny"}', toolCallId: call.toolCalls[0]!.id })]);
    expect(answer.content).toBe('It is sunny in Oslo.');
    expect(bodyOf(1).messages?.slice(1)).toEqual([
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'weather', arguments: { city: 'Oslo' } } }] },
      { role: 'tool', content: '{"sky":"sunny"}', tool_name: 'weather' },
    ]);
  });

  it('uses OLLAMA_HOST when no host is given', async () => {
    server = await startMockOllamaServer({ text: 'from env' });
    process.env['OLLAMA_HOST'] = server.url;
    try {
      expect((await new OllamaChatModel({ model: 'm' }).invoke('hi')).content).toBe('from env');
    } finally {
      delete process.env['OLLAMA_HOST'];
    }
  });

  it('names itself ollama:<model>, and derived models keep the class and provider', async () => {
    const model = await modelFor({ text: 'abc' });
    const derived = model.withOptions({ temperature: 0 });
    expect([model.name, derived instanceof OllamaChatModel, derived.provider === model.provider]).toEqual(['ollama:llama3.2', true, true]);
    expect(text(await collect(derived.stream('x')))).toBe('abc');
  });
});
