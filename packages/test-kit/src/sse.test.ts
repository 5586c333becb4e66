import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSse, readAsItComes, sseEventReader } from './index.js';

const body = 'event: metadata\ndata: {"runId":"r"}\n\n: keep-alive\n\ndata: line one\ndata: line two\n\nevent: end\r\ndata: {}\r\n\r\n';
const expected = [
  { event: 'metadata', data: '{"runId":"r"}', id: undefined },
  { event: undefined, data: 'line one\nline two', id: undefined },
  { event: 'end', data: '{}', id: undefined },
];

/** `text` as a streamed response whose chunks are cut at `cuts` (byte offsets, inside multi-byte characters too). */
function responseOf(text: string, cuts: readonly number[] = []): Response {
  const bytes = new TextEncoder().encode(text);
  const offsets = [...new Set([0, ...cuts.map((cut) => cut % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  const chunks = offsets.slice(1).map((end, i) => bytes.slice(offsets[i], end));
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
  );
}

describe('parseSse', () => {
  it('splits a body into events: comments dropped, data lines joined, any line ending', () => {
    expect(parseSse(body)).toEqual(expected);
  });
});

describe('readAsItComes', () => {
  it('reads the whole body however its bytes were cut, multi-byte characters included', async () => {
    const text = `data: 🌊 délta ü\n\n${body}`;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        expect(await readAsItComes(responseOf(text, cuts))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('sseEventReader', () => {
  it('returns the events up to the first one accepted, then the rest, however the bytes were cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        const read = sseEventReader(responseOf(body, cuts));
        expect(await read((event) => event.data.startsWith('line'))).toEqual(expected.slice(0, 2));
        expect(await read(() => false)).toEqual(expected.slice(2));
        expect(await read(() => true)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a response without a body', () => {
    expect(() => sseEventReader(new Response(null, { status: 204 }))).toThrow('The response (204) has no body to read events from.');
  });
});
