import { eventually } from '@rivulet/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { HumanMessage } from '@rivulet/core';
import type { ChatRequestV1, ChatStreamPartV1, SubscribableV1 } from '@rivulet/provider';
import { startMockOllamaServer, type MockOllamaReply, type MockOllamaServer } from '../testing/index.js';
import { OllamaChatModel } from './ollama-chat-model.js';
import { OllamaProvider } from './ollama-provider.js';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(reply: MockOllamaReply): Promise<string> {
  server = await startMockOllamaServer(reply);
  return server.url;
}

/** A whole chat stream in one body, so that every line arrives in the same network read. */
function oneReadBody(pieces: readonly string[]): string {
  const line = (message: object, done: boolean) => JSON.stringify({ model: 'm', created_at: '2025-01-01T00:00:00Z', message: { role: 'assistant', ...message }, done });
  return [...pieces.map((content) => line({ content }, false)), line({ content: '' }, true)].join('\n') + '\n';
}

const request = (signal: AbortSignal): ChatRequestV1 => ({ messages: [new HumanMessage('hi')], params: {}, signal });

describe('OllamaProvider: how parts reach the run', () => {
  it('gives a for await loop each line of one network read as its own chunk, not the burst coalesced', async () => {
    const pieces = ['Riv', 'ers ', 'mea', 'nder', '.'];
    const host = await serve({ verbatimBody: { contentType: 'application/x-ndjson', text: oneReadBody(pieces) } });
    const model = new OllamaChatModel({ model: 'm', host, maxRetries: 0 });
    const seen: string[] = [];
    for await (const chunk of model.stream('hi')) if (chunk.content !== '') seen.push(chunk.content);
    expect(seen).toEqual(pieces);
  });

  it('sends its request only once subscribed, and again for each subscription', async () => {
    const host = await serve({ text: 'ok' });
    const provider = new OllamaProvider({ model: 'm', host });
    const parts = provider.doStream(request(new AbortController().signal));
    const finish = (stream: SubscribableV1<ChatStreamPartV1>) => new Promise<void>((resolve, reject) => stream.subscribe({ next: () => undefined, error: reject, complete: resolve }));
    // Another call's whole exchange first: the stream not yet subscribed must not have sent anything meanwhile.
    await finish(provider.doStream(request(new AbortController().signal)));
    expect(server!.requests).toHaveLength(1);
    await finish(parts);
    await finish(parts);
    expect(server!.requests).toHaveLength(3);
  });

  it('closes the connection when its subscriber leaves mid-stream, though the run\'s signal never aborts', async () => {
    const host = await serve({ text: 'abcdef', chunkSize: 1, stallAfterChunks: 3, stallMs: 10_000 });
    const parts = new OllamaProvider({ model: 'm', host }).doStream(request(new AbortController().signal));
    const seen: ChatStreamPartV1[] = [];
    let failure: unknown;
    const subscription = parts.subscribe({ next: (part) => void seen.push(part), error: (error) => (failure = error), complete: () => undefined });
    await eventually(() => seen.length === 3, 'the lines before the stall');
    subscription.unsubscribe();
    await server!.requests[0]!.socketClosed;
    expect(server!.requests[0]!.closedEarly).toBe(true);
    expect([seen.length, failure]).toEqual([3, undefined]);
  });

  it('cancels the request when its subscriber leaves before the headers', async () => {
    const host = await serve({ text: 'late', headersDelayMs: 10_000 });
    const parts = new OllamaProvider({ model: 'm', host }).doStream(request(new AbortController().signal));
    const subscription = parts.subscribe({ next: () => undefined, error: () => undefined, complete: () => undefined });
    await eventually(() => server!.requests.length === 1, 'the request to arrive');
    subscription.unsubscribe();
    await server!.requests[0]!.socketClosed;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });
});
