import { describe, expect, it } from 'vitest';
import { AbortError, ProviderError } from '@rivulet/core';
import { fromHttpResponse } from './from-http-response.js';
import { fromTransportError } from './from-transport-error.js';
import { retryAfterMs } from './retry-after.js';

const context = { provider: 'anthropic', secret: 'sk-ant-secret-value' };

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, then reads seconds (fractions too) or an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '1.5' }))).toBe(1500);
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    expect(retryAfterMs(new Headers({ 'retry-after': inTwoSeconds }))).toBeGreaterThan(500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});

describe('fromHttpResponse', () => {
  it('keeps status, type, request id and wait, and masks the key', async () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down, sk-ant-secret-value' }, request_id: 'req_body' });
    const response = new Response(body, { status: 429, headers: { 'retry-after': '2', 'content-type': 'application/json' } });
    const error = await fromHttpResponse(response, context);
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_error', requestId: 'req_body', retryAfterMs: 2000, retryable: true });
    expect(error.message).toBe('anthropic: HTTP 429: rate_limit_error: slow down, ***');
  });

  it('prefers the request-id header to the body', async () => {
    const response = new Response('{}', { status: 400, headers: { 'request-id': 'req_header' } });
    expect(await fromHttpResponse(response, context)).toMatchObject({ requestId: 'req_header', retryable: false });
  });
});

describe('fromTransportError', () => {
  it('is an AbortError once the signal aborted, a typed ProviderError otherwise', () => {
    const aborted = AbortSignal.abort();
    expect(AbortError.isInstance(fromTransportError(new TypeError('terminated'), context, aborted, 'stream'))).toBe(true);
    const reset = fromTransportError(new TypeError('terminated', { cause: new Error('other side closed') }), context, new AbortController().signal, 'stream');
    expect(ProviderError.isInstance(reset)).toBe(true);
    expect(reset).toMatchObject({ code: 'connection_reset', retryable: true });
    expect(reset.message).toContain('other side closed');
  });
});
