import { describe, expect, test } from 'vitest';
import { conformanceFaults } from './conformance-faults.js';

const wire = { leadingEvents: 2, error: ({ message, code }: { message?: string | undefined; code?: string | undefined }) => ({ message, kind: code }) };

describe('conformanceFaults', () => {
  test('shifts every position past the events before the first delta, and keeps nothing undefined', () => {
    expect(
      conformanceFaults(
        { text: 'x', stallAfterChunks: 1, dropAfterChunks: 2, errorEventAfterChunks: 3, malformedAfterChunks: 0, wrongShapeAfterChunks: 4, keepAliveAfterChunks: [0, 5] },
        wire,
      ),
    ).toEqual({ stallAfterChunks: 3, dropAfterChunks: 4, errorEventAfterChunks: 5, malformedAfterChunks: 2, wrongShapeAfterChunks: 6, keepAliveAfterChunks: [2, 7] });
  });

  test('stallAfterHeaders stalls before any event, preamble included', () => {
    expect(conformanceFaults({ stallAfterHeaders: true }, wire)).toEqual({ stallAfterChunks: 0 });
  });

  test("builds the wire's error object only when a message or code is given; passes status, request id, page and delay through", () => {
    expect(conformanceFaults({ status: 401, errorCode: 'bad_key', requestId: 'req_1', htmlPage: '<p>', headersDelayMs: Infinity }, wire)).toEqual({
      status: 401,
      error: { message: undefined, kind: 'bad_key' },
      requestId: 'req_1',
      htmlPage: '<p>',
      headersDelayMs: Infinity,
    });
    expect(conformanceFaults({ status: 500 }, wire)).toEqual({ status: 500 });
  });

  test('sends Retry-After in the unit the provider uses', () => {
    expect(conformanceFaults({ retryAfterMs: 150 }, wire)).toEqual({ retryAfterMs: 150 });
    expect(conformanceFaults({ retryAfterMs: 150 }, { ...wire, retryAfter: 'seconds' })).toEqual({ retryAfter: 0.15 });
  });
});
