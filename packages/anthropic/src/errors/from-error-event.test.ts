import { describe, expect, it } from 'vitest';
import { fromErrorEvent } from './from-error-event.js';

const key = 'sk-ant-secret-value';
const context = { provider: 'anthropic', secret: key };

describe('fromErrorEvent', () => {
  it.each(['overloaded_error', 'rate_limit_error', 'api_error', 'timeout_error'])('%s is retryable', (type) => {
    expect(fromErrorEvent({ type: 'error', error: { type, message: 'x' } }, context)).toMatchObject({ code: type, retryable: true });
  });

  it('other types are not; the request id comes from the response, else the body', () => {
    expect(fromErrorEvent({ type: 'error', error: { type: 'invalid_request_error' }, request_id: 'req_body' }, context)).toMatchObject({
      code: 'invalid_request_error',
      retryable: false,
      requestId: 'req_body',
    });
    expect(fromErrorEvent({ error: { type: 'api_error' }, request_id: 'req_body' }, { ...context, requestId: 'req_header' })).toMatchObject({ requestId: 'req_header' });
  });

  it('masks the key wherever the event echoes it', () => {
    const error = fromErrorEvent({ type: 'error', error: { type: `bad_${key}`, message: `no ${key}` }, request_id: key }, context);
    expect(error.message).toBe('anthropic: error event mid-stream: bad_***: no ***');
    expect(error).toMatchObject({ code: 'bad_***', requestId: '***' });
  });
});
