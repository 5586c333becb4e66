import { describe, expect, test } from 'vitest';
import { embeddingConformanceFaults } from './embedding-conformance-faults.js';

const wire = { error: ({ message, code }: { message?: string | undefined; code?: string | undefined }) => ({ message, kind: code }) };

describe('embeddingConformanceFaults', () => {
  test('passes the HTTP faults through as the chat mapping does, with no positions to shift', () => {
    expect(
      embeddingConformanceFaults(
        { status: 401, errorMessage: 'no', errorCode: 'bad_key', requestId: 'req_1', htmlPage: '<p>', headersDelayMs: Infinity, stallAfterHeaders: true },
        wire,
      ),
    ).toEqual({ status: 401, error: { message: 'no', kind: 'bad_key' }, requestId: 'req_1', htmlPage: '<p>', headersDelayMs: Infinity, stallAfterChunks: 0 });
  });

  test('a drop before the headers stays one; a drop after them tears the body right after the headers', () => {
    expect(embeddingConformanceFaults({ dropBeforeHeaders: true }, wire)).toEqual({ dropBeforeHeaders: true });
    expect(embeddingConformanceFaults({ dropAfterHeaders: true }, wire)).toEqual({ dropAfterChunks: 0 });
  });

  test('leaves out what is no fault (usage, a wrong count) and every field not asked for', () => {
    expect(embeddingConformanceFaults({ inputTokens: 3, wrongCount: true, dropBeforeHeaders: false, dropAfterHeaders: false }, wire)).toEqual({});
  });

  test('sends Retry-After in the unit the provider uses', () => {
    expect(embeddingConformanceFaults({ status: 429, retryAfterMs: 1500 }, wire)).toEqual({ status: 429, retryAfterMs: 1500 });
    expect(embeddingConformanceFaults({ status: 429, retryAfterMs: 1500 }, { ...wire, retryAfter: 'seconds' })).toEqual({ status: 429, retryAfter: 1.5 });
  });
});
