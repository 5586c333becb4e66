import { describe, expect, it } from 'vitest';
import {
  AbortError,
  InputError,
  OutputParserError,
  ProviderError,
  RivuletError,
  TimeoutError,
  TruncatedStreamError,
  hasMarker,
} from '@rivulet/core';

describe('errors', () => {
  it('recognises errors by marker, also from another copy of the package', () => {
    const error = new ProviderError('rate limited', { provider: 'openai', status: 429 });
    expect(RivuletError.isInstance(error)).toBe(true);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(AbortError.isInstance(error)).toBe(false);
    // A second copy of the package creates its own classes but the same Symbol.for markers.
    const foreign = Object.create({ [Symbol.for('rivulet.error')]: true, [Symbol.for('rivulet.error.abort')]: true });
    expect(AbortError.isInstance(foreign)).toBe(true);
    expect(RivuletError.isInstance(foreign)).toBe(true);
    expect(RivuletError.isInstance(new Error('plain'))).toBe(false);
    expect(RivuletError.isInstance(null)).toBe(false);
  });

  it('exports the marker check, for error classes of other packages', () => {
    const marker = Symbol.for('rivulet.test.quota');
    class QuotaError extends RivuletError {
      private readonly [marker] = true;
      static override isInstance(error: unknown): error is QuotaError {
        return hasMarker(error, marker);
      }
    }
    expect(QuotaError.isInstance(new QuotaError('over quota'))).toBe(true);
    expect(QuotaError.isInstance(Object.create({ [marker]: true }))).toBe(true);
    expect(QuotaError.isInstance(new RivuletError('other'))).toBe(false);
    expect([undefined, null, 'rivulet.test.quota', 7].map((value) => hasMarker(value, marker))).toEqual([false, false, false, false]);
  });

  it('derives retryable from the status unless told', () => {
    expect(new ProviderError('x', { provider: 'p', status: 429 }).retryable).toBe(true);
    expect(new ProviderError('x', { provider: 'p', status: 503 }).retryable).toBe(true);
    expect(new ProviderError('x', { provider: 'p', status: 401 }).retryable).toBe(false);
    expect(new ProviderError('x', { provider: 'p', status: 400 }).retryable).toBe(false);
    expect(new ProviderError('x', { provider: 'p' }).retryable).toBe(false);
    expect(new ProviderError('x', { provider: 'p', status: 400, retryable: true }).retryable).toBe(true);
  });

  it('serializes public fields only, never the cause or the stack', () => {
    const cause = new Error('Authorization: Bearer sk-secret');
    const json = JSON.stringify(new ProviderError('bad', { provider: 'openai', status: 500, requestId: 'req_1', cause }));
    expect(JSON.parse(json)).toEqual({
      name: 'ProviderError',
      message: 'bad',
      provider: 'openai',
      retryable: true,
      status: 500,
      requestId: 'req_1',
    });
    expect(json).not.toContain('sk-secret');
  });

  it('carries what each failure needs to be acted on', () => {
    expect(new InputError('Missing variable: topic', { variables: ['topic'] }).variables).toEqual(['topic']);
    const parse = new OutputParserError('Unexpected token', { text: '{"a":x', position: 5 });
    expect([parse.name, parse.text, parse.position]).toEqual(['OutputParserError', '{"a":x', 5]);
    const timeout = new TimeoutError({ timeoutMs: 50, kind: 'idle' });
    expect([timeout.kind, timeout.timeoutMs, timeout.message]).toEqual(['idle', 50, 'The stream was silent for more than 50 ms.']);
    const truncated = new TruncatedStreamError('ended early', { partial: 'half' });
    expect(truncated.partial).toBe('half');
    expect(new AbortError()).toBeInstanceOf(Error);
    expect(new AbortError().name).toBe('AbortError');
  });
});
