import { ProviderError } from '@rivulet/core';
import { describe, expect, test } from 'vitest';
import { visibleTexts } from './visible-texts.js';

const key = 'sk-visible-texts-secret';
const shows = (error: unknown): boolean => visibleTexts(error).some((text) => text.includes(key));

describe('visibleTexts', () => {
  test('sees the fields of the error itself: message, code, request id', () => {
    expect(shows(new ProviderError('fine', { provider: 'p', code: key }))).toBe(true);
    expect(shows(new ProviderError('fine', { provider: 'p', requestId: `req_${key}` }))).toBe(true);
    expect(shows(new ProviderError(`bad ${key}`, { provider: 'p' }))).toBe(true);
    expect(shows(new ProviderError('fine', { provider: 'p', code: 'c', requestId: 'r' }))).toBe(false);
  });

  test('sees the cause chain: messages, string fields, JSON of nested fields, non-Error causes', () => {
    const sdkError = Object.assign(new Error('401 Unauthorized'), { requestID: 'req_1', error: { code: key } });
    expect(shows(new ProviderError('fine', { provider: 'p', cause: sdkError }))).toBe(true);
    expect(shows(new ProviderError('fine', { provider: 'p', cause: new Error('outer', { cause: new Error(key) }) }))).toBe(true);
    expect(shows(new ProviderError('fine', { provider: 'p', cause: key }))).toBe(true);
    expect(shows(new ProviderError('fine', { provider: 'p', cause: new Error('outer', { cause: new Error('inner') }) }))).toBe(false);
  });

  test('sees what only a log shows, such as headers kept on a cause', () => {
    const cause = Object.assign(new Error('x'), { headers: new Headers({ 'x-request-id': key }) });
    expect(shows(new ProviderError('fine', { provider: 'p', cause }))).toBe(true);
  });

  test('copes with a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    expect(() => visibleTexts(a)).not.toThrow();
  });
});
