import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockAnthropicServer, type MockAnthropicServer } from './start-mock-anthropic-server.js';
import type { MockAnthropicScript } from './mock-anthropic-script.js';

let server: MockAnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function sdkFor(script?: MockAnthropicScript): Promise<Anthropic> {
  server = await startMockAnthropicServer(script);
  return new Anthropic({ apiKey: 'sk-ant-test', baseURL: server.url, maxRetries: 0, logLevel: 'off' });
}

async function post(body: unknown, headers: Record<string, string> = { authorization: 'Bearer k', 'anthropic-version': '2023-06-01' }): Promise<Response> {
  return fetch(`${server!.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const params = { model: 'claude-test', max_tokens: 100, messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('the official SDK reads the mock (the mock speaks the real wire format)', () => {
  it('assembles a streamed message with thinking, text, a tool call and usage', async () => {
    const client = await sdkFor({ thinking: 'Hmm.', text: 'Let me check.', toolCalls: [{ id: 'toolu_1', name: 'weather', input: '{"city":"Oslo"}' }], usage: { inputTokens: 9, outputTokens: 14 } });
    const message = await client.messages.stream(params).finalMessage();
    expect(message).toMatchObject({
      id: 'msg_mock0',
      model: 'claude-test',
      stop_reason: 'tool_use',
      usage: { input_tokens: 9, output_tokens: 14 },
      content: [
        { type: 'thinking', thinking: 'Hmm.', signature: 'sig_mock' },
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Oslo' } },
      ],
    });
    expect(server!.requests[0]!.body).toMatchObject({ stream: true, model: 'claude-test' });
  });

  it('generates tool_use ids unique per response and keeps scripted ones', async () => {
    const client = await sdkFor([
      { toolCalls: [{ name: 'a', input: '{}' }, { id: 'toolu_kept', name: 'b', input: '{}' }] },
      { toolCalls: [{ name: 'a', input: '{}' }] },
    ]);
    const idsOf = async () => (await client.messages.create(params)).content.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []));
    expect(await idsOf()).toEqual(['toolu_mock_0_0', 'toolu_kept']);
    expect(await idsOf()).toEqual(['toolu_mock_1_0']);
  });

  it('answers a request without stream with one message', async () => {
    const client = await sdkFor({ text: 'Whole.', stopReason: 'max_tokens' });
    const message = await client.messages.create(params);
    expect(message).toMatchObject({ type: 'message', stop_reason: 'max_tokens', content: [{ type: 'text', text: 'Whole.' }] });
  });

  it("errors reach the SDK as its own: a 529 with the request id, and a mid-stream error event", async () => {
    const client = await sdkFor([{ status: 529 }, { text: 'partial', errorEventAfterChunks: 3 }]);
    const overloaded = await client.messages.create(params).catch((e: unknown) => e);
    expect(overloaded).toBeInstanceOf(Anthropic.APIError);
    expect(overloaded).toMatchObject({ status: 529, requestID: server!.requests[0]!.requestId });
    const events: string[] = [];
    const failure = await (async () => {
      for await (const event of await client.messages.create({ ...params, stream: true })) events.push(event.type);
    })().catch((e: unknown) => e);
    expect(events).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect((failure as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error');
  });

  it('echoes the last user message without a script', async () => {
    const client = await sdkFor();
    const message = await client.messages.create({ ...params, messages: [{ role: 'user', content: [{ type: 'text', text: 'ping me' }] }] });
    expect(message.content).toEqual([{ type: 'text', text: 'You said: ping me', citations: null }]);
  });
});

describe('the mock checks requests as the API does', () => {
  it('refuses missing credentials, version, model, max_tokens or messages, without consuming the script', async () => {
    server = await startMockAnthropicServer([{ text: 'first scripted' }]);
    const problems = await Promise.all([
      post(params, { 'anthropic-version': '2023-06-01' }),
      post(params, { authorization: 'Bearer k' }),
      post({ ...params, model: undefined }),
      post({ ...params, max_tokens: 0 }),
      post({ ...params, messages: undefined }),
    ]);
    expect(problems.map((response) => response.status)).toEqual([401, 400, 400, 400, 400]);
    const body = (await problems[3]!.json()) as { type: string; error: { type: string; message: string }; request_id: string };
    expect(body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });
    expect(body.request_id).toBe(problems[3]!.headers.get('request-id'));
    expect(await (await post(params)).json()).toMatchObject({ content: [{ text: 'first scripted' }] });
    expect((await post(params)).status).toBe(500);
  });

  it('answers an unknown route with a 404 not_found_error', async () => {
    server = await startMockAnthropicServer();
    const response = await fetch(`${server.url}/v1/complete`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });
});
