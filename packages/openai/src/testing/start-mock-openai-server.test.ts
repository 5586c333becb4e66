import type OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { describe, expect, test } from 'vitest';
import { streamChunks, useMockOpenAIClient } from '../test-support/mock-openai-client.js';

const mock = useMockOpenAIClient();
const start = mock.start;

const messages = [{ role: 'user' as const, content: 'Hi there' }];

const streamChunksOf = (client: OpenAI, extra?: { n?: number; includeUsage?: boolean }) => streamChunks(client, messages, extra);

const contentOf = (chunks: ChatCompletionChunk[], index = 0): string =>
  chunks.map((c) => c.choices.find((choice) => choice.index === index)?.delta.content ?? '').join('');

/** Raw `data:` payloads of a streamed response, to check the exact bytes. */
async function rawEvents(body: object): Promise<{ response: Response; text: string; events: string[] }> {
  const response = await fetch(`${mock.server().url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const events = text.split('\n\n').filter(Boolean).map((event) => event.replace(/^data: /, ''));
  return { response, text, events };
}

describe('streaming through the openai SDK', () => {
  test('streams the text in chunkSize deltas after a role chunk', async () => {
    const client = await start({ text: 'Hello, world!', chunkSize: 5 });
    const chunks = await streamChunksOf(client);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    expect(chunks.slice(1, 4).map((c) => c.choices[0]!.delta.content)).toEqual(['Hello', ', wor', 'ld!']);
    expect(contentOf(chunks)).toBe('Hello, world!');
    expect(chunks[0]).toMatchObject({ object: 'chat.completion.chunk', model: 'gpt-test', id: 'chatcmpl-mock0' });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  test('ends with a finish chunk, then a usage chunk with no choices when include_usage is set', async () => {
    const client = await start({ text: 'abcd', usage: { promptTokens: 7, completionTokens: 3 } });
    const chunks = await streamChunksOf(client);
    const finish = chunks.at(-2)!;
    expect(finish.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } });
    // OpenAI marks every other chunk with `usage: null` once usage was asked for.
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  test('sends no usage at all without include_usage, or with usage: false', async () => {
    let client = await start({ text: 'abcd' });
    let chunks = await streamChunksOf(client, { includeUsage: false });
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
    await mock.server().close();
    client = await start({ text: 'abcd', usage: false });
    chunks = await streamChunksOf(client);
    expect(chunks.every((c) => c.choices.length === 1 && !('usage' in c))).toBe(true);
  });

  test('estimates usage when not scripted', async () => {
    const client = await start({ text: 'x'.repeat(40), usage: { cachedPromptTokens: 1, reasoningTokens: 2 } });
    const usage = (await streamChunksOf(client)).at(-1)!.usage!;
    expect(usage).toEqual({
      prompt_tokens: 2,
      completion_tokens: 10,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 1 },
      completion_tokens_details: { reasoning_tokens: 2 },
    });
  });

  test('streams reasoning as reasoning_content before the content', async () => {
    const client = await start({ reasoning: 'Let me think', text: 'Yes', chunkSize: 6 });
    const deltas = (await streamChunksOf(client)).map((c) => c.choices[0]?.delta as Record<string, unknown> | undefined);
    expect(deltas.slice(1, 4)).toEqual([{ reasoning_content: 'Let me' }, { reasoning_content: ' think' }, { content: 'Yes' }]);
  });

  test('streams tool calls by index with arguments in fragments', async () => {
    const client = await start({
      toolCalls: [
        { id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' },
        { id: 'call_b', name: 'time', arguments: '{}' },
      ],
      chunkSize: 8,
    });
    const chunks = await streamChunksOf(client);
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls).toEqual([
      { index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '' } },
      { index: 0, function: { arguments: '{"city":' } },
      { index: 0, function: { arguments: '"Paris"}' } },
      { index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '' } },
      { index: 1, function: { arguments: '{}' } },
    ]);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  test('sends content: null in the role chunk and with tool calls when contentNull is set', async () => {
    const client = await start({ toolCalls: [{ name: 'f', arguments: '{}' }], contentNull: true });
    const chunks = await streamChunksOf(client);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: null, refusal: null });
    expect(chunks[1]!.choices[0]!.delta).toMatchObject({ content: null, tool_calls: [{ index: 0, id: 'call_mock_0_0' }] });
  });

  test('generates tool-call ids unique per response and choice, and keeps scripted ones', async () => {
    const client = await start([
      { toolCalls: [{ name: 'a', arguments: '{}' }, { id: 'call_kept', name: 'b', arguments: '{}' }] },
      { toolCalls: [{ name: 'a', arguments: '{}' }] },
    ]);
    const idsOf = async (n: number) => {
      const completion = await client.chat.completions.create({ model: 'gpt-test', messages, n });
      return completion.choices.flatMap((choice) => (choice.message.tool_calls ?? []).map((call) => call.id));
    };
    expect(await idsOf(1)).toEqual(['call_mock_0_0', 'call_kept']);
    expect(await idsOf(2)).toEqual(['call_mock_1_0', 'call_mock_1_1']);
  });

  test('streams Ollama-style tool calls: whole, all at index 0, told apart by id', async () => {
    const client = await start({
      toolCallStyle: 'ollama',
      toolCalls: [
        { id: 'call_1', name: 'a', arguments: '{"x":1}' },
        { id: 'call_2', name: 'b', arguments: '{"y":2}' },
      ],
    });
    const calls = (await streamChunksOf(client)).map((c) => c.choices[0]?.delta.tool_calls).filter(Boolean);
    expect(calls).toEqual([
      [{ index: 0, id: 'call_1', type: 'function', function: { name: 'a', arguments: '{"x":1}' } }],
      [{ index: 0, id: 'call_2', type: 'function', function: { name: 'b', arguments: '{"y":2}' } }],
    ]);
  });

  test('interleaves n > 1 choices, each with its own role and finish chunk', async () => {
    const client = await start({ choices: [{ text: 'first one' }, { text: 'second', finishReason: 'length' }] });
    const chunks = await streamChunksOf(client, { n: 2 });
    expect(chunks.slice(0, 4).map((c) => c.choices[0]!.index)).toEqual([0, 1, 0, 1]);
    expect(contentOf(chunks, 0)).toBe('first one');
    expect(contentOf(chunks, 1)).toBe('second');
    const finishes = chunks.flatMap((c) => c.choices.filter((choice) => choice.finish_reason !== null));
    expect(finishes.map((f) => [f.index, f.finish_reason])).toEqual([[1, 'length'], [0, 'stop']]);
  });

  test('repeats the reply for every choice when the request asks n > 1 and the reply has no choices', async () => {
    const client = await start({ text: 'same' });
    const chunks = await streamChunksOf(client, { n: 3 });
    expect([0, 1, 2].map((i) => contentOf(chunks, i))).toEqual(['same', 'same', 'same']);
  });

  test('adds Perplexity citations, search_results and a cumulative usage to every chunk', async () => {
    const searchResults = [{ title: 'Rivers', url: 'https://example.com/rivers', date: '2024-01-01' }];
    const client = await start({
      text: 'abcdefgh',
      usage: { promptTokens: 5, completionTokens: 10 },
      perplexity: { citations: ['https://example.com/rivers'], searchResults },
    });
    const chunks = (await streamChunksOf(client)) as (ChatCompletionChunk & Record<string, unknown>)[];
    expect(chunks.every((c) => c.choices.length === 1)).toBe(true);
    for (const chunk of chunks) {
      expect(chunk['citations']).toEqual(['https://example.com/rivers']);
      expect(chunk['search_results']).toEqual(searchResults);
    }
    expect(chunks.map((c) => c.usage!.completion_tokens)).toEqual([0, 5, 10, 10]);
    expect(chunks.at(-1)!.usage).toEqual({ prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 });
  });
});

describe('wire format', () => {
  test('frames every event as data: <json>\\n\\n and ends with data: [DONE]', async () => {
    await start({ text: 'Hey' });
    const { response, text, events } = await rawEvents({ model: 'm', messages, stream: true });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-request-id')).toBe(mock.server().requests[0]!.requestId);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(text.split('\n\n').slice(0, -1).every((event) => event.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events[0]!)).toEqual({
      id: 'chatcmpl-mock0',
      object: 'chat.completion.chunk',
      created: expect.any(Number) as number,
      model: 'm',
      system_fingerprint: 'fp_mock',
      choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }],
    });
  });

  test('honours model, id and systemFingerprint overrides', async () => {
    await start({ text: 'x', model: 'gpt-4o-2024', id: 'chatcmpl-fixed', systemFingerprint: null });
    const { events } = await rawEvents({ model: 'm', messages, stream: true });
    const first = JSON.parse(events[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ model: 'gpt-4o-2024', id: 'chatcmpl-fixed' });
    expect('system_fingerprint' in first).toBe(false);
  });
});
