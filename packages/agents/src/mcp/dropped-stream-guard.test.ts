import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import { answerWhenDropped, DROPPED_STREAM_MESSAGE } from './dropped-stream-guard.js';

const REQUESTS: readonly RequestId[] = [7, 'req-8'];

/** One SSE event a server may send on a request's stream, and what it tells the guard. */
interface Event {
  readonly text: (eol: string) => string;
  readonly answers?: RequestId;
  readonly resumable?: boolean;
}

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.constantFrom(...REQUESTS).map((id) => ({
    text: (eol: string) => `event: message${eol}data: ${JSON.stringify({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'héllo ✓' }] } })}${eol}${eol}`,
    answers: id,
  })),
  fc.constantFrom(...REQUESTS).map((id) => ({
    text: (eol: string) => `data:${JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32602, message: 'nope' } })}${eol}${eol}`,
    answers: id,
  })),
  fc.constant({ text: (eol: string) => `data: ${JSON.stringify({ jsonrpc: '2.0', id: 99, result: {} })}${eol}${eol}` }),
  fc.constant({ text: (eol: string) => `data: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { data: 'é' } })}${eol}${eol}` }),
  fc.constant({ text: (eol: string) => `data: ${JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'sampling/createMessage', params: {} })}${eol}${eol}` }),
  fc.constant({ text: (eol: string) => `: keep-alive${eol}${eol}` }),
  fc.constant({ text: (eol: string) => `id:${eol}data: {"half":${eol}${eol}` }),
  fc.constant({ text: (eol: string) => `id: 42${eol}data: ${eol}${eol}`, resumable: true }),
);

function streamOf(chunks: readonly Uint8Array[], ending: 'close' | 'error'): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (ending === 'close') controller.close();
      else controller.error(new TypeError('terminated'));
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

/** Cuts `bytes` at the given offsets (anywhere: inside a line, inside a multi-byte character). */
function cut(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => bytes.slice(start, points[i] ?? bytes.length)).filter((c) => c.length > 0);
}

function droppedAnswers(text: string): RequestId[] {
  return [...text.matchAll(/^data: (.*)$/gm)].flatMap((m) => {
    const message = JSON.parse(m[1]!) as { id?: RequestId; error?: { code: number; message: string } };
    return message.error?.message === DROPPED_STREAM_MESSAGE && message.error.code === ErrorCode.ConnectionClosed ? [message.id!] : [];
  });
}

describe('answerWhenDropped', () => {
  it('passes the stream through, then answers each request the stream still owed, unless the SDK can resume it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('close' as const, 'error' as const),
        async (events, eol, offsets, ending) => {
          const sent = events.map((e) => e.text(eol)).join('');
          const output = await readAll(answerWhenDropped(streamOf(cut(new TextEncoder().encode(sent), offsets), ending), REQUESTS));
          expect(output.startsWith(sent)).toBe(true);
          const answered = new Set(events.flatMap((e) => (e.answers === undefined ? [] : [e.answers])));
          const owed = events.some((e) => e.resumable === true) ? [] : REQUESTS.filter((id) => !answered.has(id));
          expect(droppedAnswers(output.slice(sent.length))).toEqual(owed);
          if (owed.length === 0) expect(output).toBe(sent);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the error of a stream the SDK aborted itself', async () => {
    const controller = new AbortController();
    controller.abort();
    const guarded = answerWhenDropped(streamOf([new TextEncoder().encode(': hi\n\n')], 'error'), REQUESTS, controller.signal);
    await expect(readAll(guarded)).rejects.toThrow('terminated');
  });
});
