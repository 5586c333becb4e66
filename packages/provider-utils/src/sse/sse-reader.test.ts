import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './sse-reader.js';

async function events(...pieces: string[]): Promise<{ event: string | undefined; data: string }[]> {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  const out: { event: string | undefined; data: string }[] = [];
  for await (const message of readServerSentEvents(body)) out.push({ event: message.event, data: message.data });
  return out;
}

describe('readServerSentEvents', () => {
  it('reads CR, LF and CRLF line ends, split anywhere', async () => {
    expect(await events('event: a\r\ndata: 1\r', '\n\r\n', 'data: 2\rdata: 3\r\r', 'data: 4\n\n')).toEqual([
      { event: 'a', data: '1' },
      { event: undefined, data: '2\n3' },
      { event: undefined, data: '4' },
    ]);
  });

  it('dispatches an event whose blank line is a CR at the very end of the stream', async () => {
    // Found by the stress suite's SSE fuzz: the parser held the final CR back, waiting for an LF that never came.
    expect(await events('data: last\r\r')).toEqual([{ event: undefined, data: 'last' }]);
    expect(await events('data: last\r', '\r')).toEqual([{ event: undefined, data: 'last' }]);
  });

  it('still drops an event whose blank line never came', async () => {
    expect(await events('data: complete\n\ndata: cut\r')).toEqual([{ event: undefined, data: 'complete' }]);
    expect(await events('data: complete\n\ndata: cut')).toEqual([{ event: undefined, data: 'complete' }]);
  });

  it('skips events without data, such as a keep-alive ping', async () => {
    expect(await events(': comment\n\nevent: ping\n\n', 'data: 1\n\nevent: ping\r\n\r\n')).toEqual([{ event: undefined, data: '1' }]);
    // An empty data line dispatches an event with empty data: nothing to decode either.
    expect(await events('event: ping\ndata:\n\n', 'data: 2\n\n')).toEqual([{ event: undefined, data: '2' }]);
  });
});

describe('the ./sse entry', () => {
  it('imports nothing but its own files and eventsource-parser, so the browser client can take it', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const [, specifier] of readFileSync(`${dir}/${file}`, 'utf8').matchAll(/^(?:import|export)[^;]*? from '([^']+)'/gm)) {
        expect([file, specifier]).toSatisfy(() => /^\.\/|^eventsource-parser$/.test(specifier!));
      }
    }
  });
});
