import { BrokenStream, readServerSentEvents } from '@rivulet/provider-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockAnthropicServer, type MockAnthropicServer } from './start-mock-anthropic-server.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';

let server: MockAnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends one streaming request and reads the raw events until the body ends (or breaks). */
interface RawEvent {
  readonly event?: string | undefined;
  readonly data: string;
}

async function stream(reply: MockAnthropicReply): Promise<{ response: Response; events: RawEvent[]; error?: unknown }> {
  server = await startMockAnthropicServer(reply);
  const response = await fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model: 'claude-test', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] }),
  });
  const events: RawEvent[] = [];
  try {
    for await (const event of readServerSentEvents(response.body!)) events.push(event);
    return { response, events };
  } catch (error) {
    return { response, events, error };
  }
}

const names = (events: readonly RawEvent[]) => events.map((event) => event.event);

describe('mock Anthropic stream', () => {
  it('names every event after its type, in the API order, with a ping after the first content_block_start', async () => {
    const { events, response } = await stream({ text: 'abcdef', chunkSize: 3 });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(names(events)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const event of events) expect(JSON.parse(event.data)).toMatchObject({ type: event.event });
  });

  it('injects an error event, a malformed event and pings at their positions, pings not counted', async () => {
    const failed = await stream({ text: 'abcdef', chunkSize: 3, errorEventAfterChunks: 3, pingAfterChunks: [1, 2] });
    expect(names(failed.events)).toEqual(['message_start', 'ping', 'content_block_start', 'ping', 'content_block_delta', 'error']);
    expect(JSON.parse(failed.events.at(-1)!.data)).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
    await server!.close();

    const malformed = await stream({ text: 'ab', malformedAfterChunks: 1, pingAfterChunks: [] });
    expect(names(malformed.events).slice(0, 3)).toEqual(['message_start', 'content_block_delta', 'content_block_start']);
    expect(() => JSON.parse(malformed.events[1]!.data)).toThrow();
  });

  it('names the wrong-shape event content_block_delta, and carries a replaced request id in the header and the error event', async () => {
    const { events, response } = await stream({ text: 'ab', wrongShapeAfterChunks: 1, errorEventAfterChunks: 2, requestId: 'req_odd', pingAfterChunks: [] });
    expect(events.slice(0, 3)).toEqual([
      expect.objectContaining({ event: 'message_start' }),
      expect.objectContaining({ event: 'content_block_delta', data: '{"foo":1}' }),
      expect.objectContaining({ event: 'content_block_start' }),
    ]);
    expect(response.headers.get('request-id')).toBe('req_odd');
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ type: 'error', request_id: 'req_odd' });
  });

  it('leaves out message_delta and message_stop when told, and sends the retry headers', async () => {
    const { events } = await stream({ text: 'ab', omitMessageDelta: true, omitMessageStop: true, pingAfterChunks: [] });
    expect(names(events).slice(-2)).toEqual(['content_block_delta', 'content_block_stop']);
    await server!.close();

    const { response } = await stream({ status: 429, retryAfter: 2, shouldRetry: true });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('x-should-retry')).toBe('true');
    expect(response.headers.get('request-id')).toBe(server!.requests[0]!.requestId);
  });

  it('drops the connection mid-stream on purpose, and knows it', async () => {
    const { events, error } = await stream({ text: 'abcdefgh', chunkSize: 2, dropAfterChunks: 3 });
    expect(error).toBeInstanceOf(BrokenStream);
    expect(names(events)).toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta']);
    await server!.requests[0]!.settled;
    expect(server!.requests[0]).toMatchObject({ outcome: 'server-dropped', closedEarly: false });
  });
});
