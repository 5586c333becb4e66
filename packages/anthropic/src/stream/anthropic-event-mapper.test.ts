import { describe, expect, it } from 'vitest';
import { ProviderError } from '@rivulet/core';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import { AnthropicEventMapper } from './anthropic-event-mapper.js';
import type { AnthropicStreamEvent } from './anthropic-stream-event.js';

const context = { provider: 'anthropic', secret: 'sk-ant-secret-value', requestId: 'req_1' };

function mapAll(events: readonly unknown[], formatTool?: string): ChatStreamPartV1[] {
  const mapper = new AnthropicEventMapper(context, formatTool);
  return events.flatMap((event) => mapper.map(event as AnthropicStreamEvent));
}

const start = { type: 'message_start', message: { id: 'msg_1', model: 'claude-test', usage: { input_tokens: 7, output_tokens: 1 } } };

describe('AnthropicEventMapper', () => {
  it('streams a tool_use block as tool-input start, deltas and end, keyed by the block id; the empty first delta is skipped', () => {
    const parts = mapAll([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Let me look.' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_a', name: 'weather', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_b', name: 'clock', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '"Oslo"}' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_stop', index: 2 },
    ]);
    expect(parts.filter((part) => part.type.startsWith('tool-input'))).toEqual([
      { type: 'tool-input-start', id: 'toolu_a', name: 'weather' },
      { type: 'tool-input-delta', id: 'toolu_a', delta: '{"city":' },
      { type: 'tool-input-start', id: 'toolu_b', name: 'clock' },
      { type: 'tool-input-delta', id: 'toolu_a', delta: '"Oslo"}' },
      { type: 'tool-input-end', id: 'toolu_a' },
      { type: 'tool-input-end', id: 'toolu_b' },
    ]);
  });

  it('sends a tool input that came whole in content_block_start before the call ends', () => {
    const parts = mapAll([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_b', name: 'search', input: { q: 'rivers' } } },
      { type: 'content_block_stop', index: 0 },
    ]);
    expect(parts.slice(-2)).toEqual([
      { type: 'tool-input-delta', id: 'toolu_b', delta: '{"q":"rivers"}' },
      { type: 'tool-input-end', id: 'toolu_b' },
    ]);
  });

  it("streams the response-format tool's input as text, and its tool_use stop as `stop`", () => {
    const parts = mapAll(
      [
        start,
        { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_f', name: 'trip', input: {} } },
        { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"city":"Oslo"}' } },
        { type: 'content_block_stop', index: 0 },
        { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 6 } },
        { type: 'message_stop' },
      ],
      'trip',
    );
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([{ type: 'text-delta', text: '{"city":"Oslo"}' }]);
    expect(parts.some((part) => part.type.startsWith('tool-input'))).toBe(false);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop', rawReason: 'tool_use' });
  });

  it('ignores pings, unknown events, server-tool blocks and signature deltas', () => {
    const parts = mapAll([
      start,
      { type: 'ping' },
      { type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"query":"x"}' } },
      { type: 'content_block_start', index: 1, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'signature_delta', signature: 'abc' } },
      { type: 'a_future_event', payload: 1 },
    ]);
    expect(parts.map((part) => part.type)).toEqual(['metadata', 'usage']);
  });

  it('keeps input usage when message_delta only reports output; message_stop without a stop reason is `other`', () => {
    const parts = mapAll([start, { type: 'message_delta', delta: { stop_reason: null }, usage: { output_tokens: 12 } }, { type: 'message_stop' }]);
    expect(parts.filter((part) => part.type === 'usage').map((part) => part.usage)).toEqual([
      { inputTokens: 7, outputTokens: 1, totalTokens: 8 },
      { inputTokens: 7, outputTokens: 12, totalTokens: 19 },
    ]);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'other', rawReason: undefined });
  });

  it('throws an error event as a ProviderError with the request id, the secret masked', () => {
    const error = (() => {
      try {
        mapAll([start, { type: 'error', error: { type: 'api_error', message: 'leaked sk-ant-secret-value' } }]);
      } catch (e) {
        return e;
      }
    })();
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'api_error', retryable: true, requestId: 'req_1' });
    expect((error as ProviderError).message).toBe('anthropic: error event mid-stream: api_error: leaked ***');
  });
});
