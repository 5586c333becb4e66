import { describe, expect, it } from 'vitest';
import { maskErrorChain, maskSecret } from './mask-secret.js';

const secret = 'sk-live-0123456789';

describe('maskErrorChain', () => {
  it('replaces an error that keeps the key in its own fields (as SDK errors keep the body) by a masked plain copy', () => {
    class SdkError extends Error {
      readonly error = { code: `invalid key ${secret}` };
      readonly requestID = 'req_1';
      readonly headers = new Headers({ 'x-request-id': secret });
    }
    for (const leaky of [new SdkError('HTTP 401'), Object.assign(new Error('HTTP 401'), { requestID: secret })]) {
      const masked = maskErrorChain(new Error('outer', { cause: leaky }), secret) as Error;
      const inner = masked.cause as Error;
      expect(inner).not.toBe(leaky);
      expect(inner.message).toBe('HTTP 401');
      expect(JSON.stringify(Object.getOwnPropertyNames(inner).map((key) => String((inner as unknown as Record<string, unknown>)[key])))).not.toContain(secret);
    }
  });

  it('keeps an error (and its chain) that shows no key as it is', () => {
    const error = new Error('fine', { cause: new Error('also fine') });
    expect(maskErrorChain(error, secret)).toBe(error);
  });

  it('leaves text alone for a "key" too short to be one', () => {
    expect(maskSecret('a test of tests', 'test')).toBe('a test of tests');
    expect(maskSecret(`key=${secret}`, secret)).toBe('key=***');
  });
});
