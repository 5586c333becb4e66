import { describe, expect, it } from 'vitest';
import { ProviderError } from '@rivulet/core';
import { parseStreamEvent } from './parse-stream-event.js';

const context = { provider: 'anthropic', secret: 'sk-ant-secret-value', requestId: 'req_1' };

function failure(data: string, event?: string): unknown {
  try {
    parseStreamEvent({ data, event }, context);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseStreamEvent', () => {
  it('passes well-formed events, and event types it does not know', () => {
    const delta = { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'hi' } };
    expect(parseStreamEvent({ event: 'content_block_delta', data: JSON.stringify(delta) }, context)).toEqual(delta);
    expect(parseStreamEvent({ data: '{"type":"a_future_event","x":1}' }, context)).toEqual({ type: 'a_future_event', x: 1 });
  });

  it.each([
    ['not JSON', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"cut'],
    ['JSON of the wrong shape', '{"foo":1}'],
    ['a JSON array', '[1,2]'],
    ['a delta whose text is a number', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":123}}'],
    ['a tool block whose id is an object', '{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":{},"name":"x","input":{}}}'],
    ['usage that is not a number', '{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":"5"}}'],
    ['a message_start without its message', '{"type":"message_start"}'],
  ])('%s is malformed_event, not retryable, with the request id', (_what, data) => {
    const error = failure(data);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false, requestId: 'req_1', provider: 'anthropic' });
  });

  it('masks the key before cutting the data it quotes, so no part of it shows', () => {
    const data = `${'x'.repeat(70)}${context.secret}`;
    const error = failure(data) as Error;
    expect(error.message).not.toContain(context.secret.slice(0, 8));
    expect(error.message).toContain('x***');
    const event = failure(`${'y'.repeat(195)}${context.secret}`, 'error') as Error;
    expect(event.message).not.toContain(context.secret.slice(0, 4));
  });

  it('an error event throws its own error, even when its data is plain text', () => {
    expect(failure('{"type":"error","error":{"type":"overloaded_error","message":"busy"}}', 'error')).toMatchObject({
      code: 'overloaded_error',
      retryable: true,
      requestId: 'req_1',
    });
    expect(failure('upstream exploded', 'error')).toMatchObject({ name: 'ProviderError', retryable: false, message: expect.stringContaining('upstream exploded') });
  });
});
