import { describe, expect, it } from 'vitest';
import { ProviderError, TruncatedStreamError } from '@rivulet/core';
import { collect, settle } from '@rivulet/core/testing';
import type { AIMessageChunk } from '@rivulet/core';
import { useRawEventServer, type RawEvent } from './test-support/serve-raw-events.js';

const raw = useRawEventServer();
const concat = (chunks: readonly AIMessageChunk[]): AIMessageChunk => chunks.reduce((a, b) => a.concat(b));

const created: RawEvent = { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', object: 'response', model: 'gpt-test', status: 'in_progress', output: [], usage: null } };
const completed = (output: readonly object[] = [], usage: object | null = { input_tokens: 3, output_tokens: 2, total_tokens: 5 }): RawEvent => ({
  type: 'response.completed',
  response: { id: 'resp_1', model: 'gpt-test', status: 'completed', output, usage },
});
const textDelta = (delta: string): RawEvent => ({ type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta });

describe('Responses events the scripted mock does not send, from a hand-written stream', () => {
  it('a refusal streams as text and finishes as content_filter (raw reason refusal)', async () => {
    const model = await raw.model([
      created,
      { type: 'response.output_item.added', output_index: 0, item: { id: 'msg_1', type: 'message', role: 'assistant', content: [] } },
      { type: 'response.content_part.added', item_id: 'msg_1', output_index: 0, content_index: 0, part: { type: 'refusal', refusal: '' } },
      { type: 'response.refusal.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'I cannot ' },
      { type: 'response.refusal.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'help with that.' },
      { type: 'response.refusal.done', item_id: 'msg_1', output_index: 0, content_index: 0, refusal: 'I cannot help with that.' },
      completed(),
    ]);
    expect(await model.invoke('x')).toMatchObject({ content: 'I cannot help with that.', finishReason: 'content_filter', responseMetadata: { finishReason: 'refusal' } });
  });

  it('ignores event types it does not map, and whatever follows the terminal event (even a broken one, or a [DONE])', async () => {
    const model = await raw.model([
      { type: 'response.queued', response: {} },
      created,
      { type: 'response.in_progress', response: { id: 'resp_1' } },
      { type: 'response.web_search_call.searching', item_id: 'ws_1', output_index: 0 },
      textDelta('Hello'),
      { type: 'response.output_text.annotation.added', item_id: 'msg_1', annotation: { type: 'url_citation', url: 'https://example.org' } },
      textDelta(' river'),
      completed(),
      textDelta(' (after the end)'),
      { raw: '{"type":"response.output_text.delta","delta":' },
      { raw: '[DONE]' },
    ]);
    const reply = await model.invoke('x');
    expect(reply).toMatchObject({ content: 'Hello river', finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 } });
  });

  it('assembles a call whose arguments come only with .done, and one announced only by output_item.done', async () => {
    const call = { id: 'fc_1', type: 'function_call', call_id: 'call_a', name: 'weather', arguments: '' };
    const late = { id: 'fc_2', type: 'function_call', call_id: 'call_b', name: 'clock', arguments: '{"tz":"UTC"}' };
    const model = await raw.model([
      created,
      { type: 'response.output_item.added', output_index: 0, item: call },
      { type: 'response.function_call_arguments.done', item_id: 'fc_1', output_index: 0, arguments: '{"city":"Oslo"}' },
      { type: 'response.output_item.done', output_index: 0, item: { ...call, arguments: '{"city":"Oslo"}' } },
      { type: 'response.output_item.done', output_index: 1, item: late },
      completed([], null),
    ]);
    const reply = await model.invoke('x');
    expect(reply.toolCalls).toEqual([
      { id: 'call_a', name: 'weather', args: { city: 'Oslo' } },
      { id: 'call_b', name: 'clock', args: { tz: 'UTC' } },
    ]);
    expect(reply.finishReason).toBe('tool_calls');
  });

  it('separates reasoning summary parts (and reasoning text) by a blank line', async () => {
    const summary = (index: number, delta: string): RawEvent => ({ type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: index, delta });
    const model = await raw.model([
      created,
      summary(0, 'First, '),
      summary(0, 'the source.'),
      summary(1, 'Then the sea.'),
      { type: 'response.reasoning_text.delta', item_id: 'rs_2', output_index: 1, content_index: 0, delta: 'Raw thought.' },
      textDelta('Done.'),
      completed(),
    ]);
    const chunks = await collect(model.stream('x'));
    expect(concat(chunks)).toMatchObject({ reasoning: 'First, the source.\n\nThen the sea.\n\nRaw thought.', content: 'Done.' });
  });

  it('response.failed is a ProviderError with the response error code; transient codes are retryable', async () => {
    const failed = (code: string): RawEvent => ({ type: 'response.failed', response: { id: 'resp_1', status: 'failed', error: { code, message: `it broke: ${code}` } } });
    for (const [code, retryable] of [['server_error', true], ['invalid_prompt', false]] as const) {
      const model = await raw.model([created, textDelta('par'), failed(code)]);
      const { chunks, error } = await settle(model.stream('x'));
      expect(chunks.map((chunk) => chunk.content).join('')).toBe('par');
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code, retryable, provider: 'openai', message: expect.stringContaining(`it broke: ${code}`) });
    }
  });

  it('reads error events in OpenAI\'s shape and in the nested shapes other servers send', async () => {
    const shapes: RawEvent[] = [
      { type: 'error', code: 'rate_limit_exceeded', message: 'slow down', param: null, sequence_number: 2 },
      { type: 'error', error: { type: 'rate_limit_exceeded', message: 'slow down' } },
      { error: { code: 'rate_limit_exceeded', message: 'slow down' } },
    ];
    for (const shape of shapes) {
      const model = await raw.model([created, shape]);
      const error = await model.invoke('x').catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ProviderError', code: 'rate_limit_exceeded', retryable: true, message: expect.stringContaining('slow down') });
    }
  });

  it('a mapped event of the wrong shape, a typeless event, or arguments for no open call is malformed_event, not retryable', async () => {
    const cases: RawEvent[][] = [
      [created, { type: 'response.output_text.delta', item_id: 'msg_1', delta: 42 }],
      [created, { type: 'response.output_item.added', output_index: 0, item: { type: 'function_call', name: 'weather' } }],
      [created, { type: 'response.completed', response: { usage: { input_tokens: '3' } } }],
      [created, { foo: 1 }],
      [created, { type: 'response.function_call_arguments.delta', item_id: 'fc_unknown', output_index: 3, delta: '{' }],
    ];
    for (const events of cases) {
      const model = await raw.model(events);
      const error = await model.invoke('x').catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ProviderError', code: 'malformed_event', retryable: false });
    }
  });

  it('a stream that ends without a terminal event is truncated, even after a [DONE]', async () => {
    const model = await raw.model([created, textDelta('cut off'), { raw: '[DONE]' }]);
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(((error as TruncatedStreamError).partial as AIMessageChunk).content).toBe('cut off');
  });
});
