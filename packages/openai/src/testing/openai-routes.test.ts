import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { streamChunks, useMockOpenAIClient } from '../test-support/mock-openai-client.js';

const mock = useMockOpenAIClient();
const start = mock.start;

const messages = [{ role: 'user' as const, content: 'Hi there' }];

const streamChunksOf = (client: OpenAI, extra?: { n?: number; includeUsage?: boolean }) => streamChunks(client, messages, extra);

describe('non-streaming and other routes', () => {
  test('answers a non-streaming request with a full chat.completion', async () => {
    const client = await start({ text: 'Done', reasoning: 'hmm', usage: { promptTokens: 1, completionTokens: 2 } });
    const completion = await client.chat.completions.create({ model: 'gpt-test', messages });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-test',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Done', refusal: null, reasoning_content: 'hmm' },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    expect(completion._request_id).toBe(mock.server().requests[0]!.requestId);
  });

  test('puts tool calls, null content and Perplexity extras on a full completion', async () => {
    const client = await start({
      toolCalls: [{ id: 'call_x', name: 'f', arguments: '{"a":1}' }],
      perplexity: { citations: ['https://a.example'] },
    });
    const completion = await client.chat.completions.create({ model: 'm', messages });
    expect(completion.choices[0]).toMatchObject({
      message: { content: null, tool_calls: [{ id: 'call_x', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] },
      finish_reason: 'tool_calls',
    });
    expect((completion as unknown as Record<string, unknown>)['citations']).toEqual(['https://a.example']);
  });

  test('lists models', async () => {
    const client = await start();
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain('mock-model');
  });

  test('answers unknown routes with a 404 and an OpenAI error body', async () => {
    await start();
    const response = await fetch(`${mock.server().url}/audio/speech`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ error: { code: 'unknown_url', type: 'invalid_request_error' } });
  });

  test('answers a body that is not JSON with a 400', async () => {
    await start();
    const response = await fetch(`${mock.server().url}/chat/completions`, { method: 'POST', body: '{nope' });
    expect(response.status).toBe(400);
    expect(mock.server().requests[0]).toMatchObject({ rawBody: '{nope', body: undefined });
  });
});

describe('scripts and recording', () => {
  test('echoes the last user message without a script', async () => {
    const client = await start();
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 'second' }] },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('You said: second');
  });

  test('plays an array script in order and answers 500 once it is exhausted', async () => {
    const client = await start([{ text: 'one' }, { text: 'two' }]);
    const ask = () => client.chat.completions.create({ model: 'm', messages });
    expect((await ask()).choices[0]!.message.content).toBe('one');
    await client.models.list(); // other routes do not consume the script
    expect((await ask()).choices[0]!.message.content).toBe('two');
    const error = await ask().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as Error).message).toMatch(/mock script exhausted: request #3 .* only 2 replies/);
  });

  test('lets a function script answer from the recorded request', async () => {
    const client = await start(async (request) => ({ text: `model was ${String(request.body?.model)}` }));
    const completion = await client.chat.completions.create({ model: 'gpt-x', messages });
    expect(completion.choices[0]!.message.content).toBe('model was gpt-x');
  });

  test('records method, path, headers, the parsed body and how the exchange ended', async () => {
    const client = await start({ text: 'ok' });
    await streamChunksOf(client);
    const [request] = mock.server().requests;
    await request!.settled;
    expect(request).toMatchObject({
      index: 0,
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      outcome: 'finished',
      closedEarly: false,
      body: { model: 'gpt-test', messages, stream: true, stream_options: { include_usage: true } },
    });
    expect(request!.headers.authorization).toBe('Bearer test');
    expect(request!.eventsSent).toBe(5); // role, 'ok', finish, usage, [DONE]
  });
});
