import OpenAI from 'openai';
import { eventually } from '@rivulet/test-kit';
import { describe, expect, it } from 'vitest';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { useMockOpenAIClient } from '../../test-support/mock-openai-client.js';
import { responsesBody } from './responses-request-body.js';

const mock = useMockOpenAIClient();

async function events(client: OpenAI, input = 'Hi'): Promise<ResponseStreamEvent[]> {
  const stream = await client.responses.create({ model: 'gpt-test', input, stream: true });
  const seen: ResponseStreamEvent[] = [];
  for await (const event of stream) seen.push(event);
  return seen;
}

describe('the mock server speaks the Responses streaming format', () => {
  it('names every event, types it and numbers it in order, exactly as OpenAI frames them', async () => {
    const client = await mock.start({ text: 'Hello river', chunkSize: 4 });
    const response = await client.responses.create({ model: 'gpt-test', input: 'Hi', stream: true }).asResponse();
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const blocks = (await response.text()).trim().split('\n\n');
    const parsed = blocks.map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      expect(eventLine).toMatch(/^event: /);
      const data = JSON.parse(dataLine!.replace(/^data: /, '')) as { type: string; sequence_number: number };
      expect(eventLine).toBe(`event: ${data.type}`);
      return data;
    });
    expect(parsed.map((event) => event.sequence_number)).toEqual(parsed.map((_, index) => index));
    expect(parsed.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(responsesBody(mock.server().requests[0]!)).toMatchObject({ model: 'gpt-test', input: 'Hi', stream: true });
  });

  it('streams reasoning summaries, text and function calls that the SDK accumulates into a consistent final response', async () => {
    const client = await mock.start({
      reasoning: 'Rivers flow.',
      text: 'Calling tools.',
      toolCalls: [{ id: 'call_a', name: 'weather', arguments: '{"city":"Oslo"}' }, { name: 'clock', arguments: '{}' }],
      usage: { promptTokens: 10, completionTokens: 20, reasoningTokens: 6, cachedPromptTokens: 2 },
    });
    const stream = client.responses.stream({ model: 'gpt-test', input: 'Weather?' });
    const types = new Set<string>();
    for await (const event of stream) types.add(event.type);
    const final = await stream.finalResponse();
    expect([...types]).toEqual(expect.arrayContaining(['response.reasoning_summary_text.delta', 'response.output_text.delta', 'response.function_call_arguments.delta']));
    expect(final).toMatchObject({
      id: 'resp_mock0',
      status: 'completed',
      output_text: 'Calling tools.',
      usage: { input_tokens: 10, output_tokens: 20, total_tokens: 30, input_tokens_details: { cached_tokens: 2 }, output_tokens_details: { reasoning_tokens: 6 } },
    });
    expect(final.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call', 'function_call']);
    expect(final.output[0]).toMatchObject({ summary: [{ type: 'summary_text', text: 'Rivers flow.' }] });
    expect(final.output.slice(2)).toMatchObject([
      { call_id: 'call_a', name: 'weather', arguments: '{"city":"Oslo"}', status: 'completed' },
      { call_id: 'call_mock_0_1', name: 'clock', arguments: '{}' },
    ]);
  });

  it('ends a cut-off reply with response.incomplete and its reason', async () => {
    const client = await mock.start([{ text: 'The story goes', finishReason: 'length' }, { text: 'No.', finishReason: 'content_filter' }]);
    for (const reason of ['max_output_tokens', 'content_filter']) {
      const last = (await events(client)).at(-1);
      expect(last).toMatchObject({ type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason } } });
    }
  });

  it('answers a request that asks for no stream with the finished response object', async () => {
    const client = await mock.start({ text: 'Whole.', usage: false });
    const response = await client.responses.create({ model: 'gpt-test', input: 'Hi', max_output_tokens: 50 });
    expect(response).toMatchObject({ object: 'response', status: 'completed', output_text: 'Whole.', max_output_tokens: 50, usage: null });
  });

  it('echoes the last user input without a script, and shares an array script with the Chat Completions route', async () => {
    const echo = await mock.start();
    const final = await echo.responses.stream({ model: 'gpt-test', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hello river' }] }] }).finalResponse();
    expect(final.output_text).toBe('You said: Hello river');
    await mock.server().close();
    const client = await mock.start([{ text: 'first' }, { text: 'second' }]);
    const chat = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'Hi' }] });
    expect(chat.choices[0]?.message.content).toBe('first');
    expect((await client.responses.create({ model: 'gpt-test', input: 'Hi' })).output_text).toBe('second');
  });
});

describe('the Responses route plays the same faults as the chat route', () => {
  it('an error status with Retry-After, as the SDK sees it', async () => {
    const client = await mock.start({ status: 429, retryAfter: 2, error: { message: 'Slow down (mock).' } });
    const error = await client.responses.create({ model: 'gpt-test', input: 'Hi', stream: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', message: expect.stringContaining('Slow down (mock).') });
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('2');
  });

  it('a mid-stream error event (event: error, with code and sequence number) after the chunks before it', async () => {
    const reply = { text: 'abcdefgh', chunkSize: 2, errorEventAfterChunks: 5, error: { message: 'overloaded', code: 'server_error' } };
    const client = await mock.start([reply, reply]);
    const body = await (await client.responses.create({ model: 'gpt-test', input: 'Hi', stream: true }).asResponse()).text();
    expect(body.trim().split('\n\n').at(-1)).toBe('event: error\ndata: {"type":"error","code":"server_error","message":"overloaded","param":null,"sequence_number":5}');
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const event of await client.responses.create({ model: 'gpt-test', input: 'Hi', stream: true })) seen.push(event.type);
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toContain('overloaded');
    expect(seen.filter((type) => type === 'response.output_text.delta')).toHaveLength(1);
  });

  it('truncation leaves out the terminal event; a malformed event breaks the SDK\'s parser', async () => {
    const client = await mock.start([{ text: 'cut', omitFinishReason: true }, { text: 'abc', malformedAfterChunks: 4 }]);
    expect((await events(client)).map((event) => event.type)).not.toContain('response.completed');
    const malformed = await events(client).catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(SyntaxError);
  });

  it('a drop mid-stream tears the body; a stall keeps the connection silent until the client leaves', async () => {
    const client = await mock.start([{ text: 'abcdefgh', dropAfterChunks: 5 }, { text: 'abcdefgh', stallAfterChunks: 5 }]);
    await expect(events(client)).rejects.toThrow();
    expect(mock.server().requests[0]).toMatchObject({ outcome: 'server-dropped' });
    const controller = new AbortController();
    const stream = await client.responses.create({ model: 'gpt-test', input: 'Hi', stream: true }, { signal: controller.signal });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of stream) seen.push(event.type);
    })();
    // Without the stall the rest would follow at once; with it, nothing comes until the client leaves.
    await eventually(() => seen.length === 5 && mock.server().requests[1]?.eventsSent === 5, 'the events before the stall');
    expect(mock.server().requests[1]?.outcome).toBe('pending');
    controller.abort();
    await reading;
    expect(seen).toHaveLength(5);
    await mock.server().requests[1]!.settled;
    expect(mock.server().requests[1]).toMatchObject({ outcome: 'client-closed', closedEarly: true });
  });
});
