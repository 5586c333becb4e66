import { afterEach, describe, expect, it } from 'vitest';
import { InputError, ProviderError } from '@rivulet/core';
import { startMockHttpServer, type MockHttpServer } from '@rivulet/provider-utils/testing';
import { OpenAIChatModel } from './openai-chat-model.js';

// A hand-written server answering every request with `body` as it is, to
// check how the provider classifies wire input the OpenAI mock never sends.
let server: MockHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

async function answer(body: string, contentType = 'text/event-stream', status = 200): Promise<string> {
  server = await startMockHttpServer({
    handle({ response }) {
      response.writeHead(status, { 'content-type': contentType });
      response.end(body);
    },
  });
  return `${server.origin}/v1`;
}

async function failure(model: OpenAIChatModel): Promise<unknown> {
  return model.invoke('Hi').then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('OpenAIChatModel: wire input classified truthfully', () => {
  it('a chunk of the wrong shape is malformed_event, not retryable', async () => {
    const baseURL = await answer(`${chunk({ role: 'assistant', content: 'Hel' })}data: {"foo":1}\n\n`);
    const error = await failure(new OpenAIChatModel({ model: 'm', apiKey: 'sk-test', baseURL, maxRetries: 2 }));
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
    expect(server!.requests).toHaveLength(1);
  });

  it('a non-string delta.content is malformed_event, never a TypeError', async () => {
    const baseURL = await answer(chunk({ content: 123 }));
    const error = await failure(new OpenAIChatModel({ model: 'm', apiKey: 'sk-test', baseURL, maxRetries: 0 }));
    expect(error).toMatchObject({ name: 'ProviderError', code: 'malformed_event', retryable: false });
  });

  it('a keep-alive event without data is ignored', async () => {
    const baseURL = await answer(`event: ping\n\n${chunk({ content: 'Hello' })}event: ping\n\n: comment\n\n${chunk({}, 'stop')}data: [DONE]\n\n`);
    const reply = await new OpenAIChatModel({ model: 'm', apiKey: 'sk-test', baseURL }).invoke('Hi');
    expect(reply.text).toBe('Hello');
    expect(reply.finishReason).toBe('stop');
  });

  it('a 200 that is not an event stream (an HTML login page) is unexpected_content_type', async () => {
    const baseURL = await answer('<html><body>Please log in</body></html>', 'text/html; charset=utf-8');
    const error = await failure(new OpenAIChatModel({ model: 'm', apiKey: 'sk-test', baseURL, maxRetries: 2 }));
    expect(error).toMatchObject({ name: 'ProviderError', code: 'unexpected_content_type', retryable: false, status: 200 });
    expect((error as Error).message).toContain('text/html');
    expect(server!.requests).toHaveLength(1);
  });

  it('a 200 JSON error body where a stream was asked for is the server error it carries', async () => {
    const baseURL = await answer(JSON.stringify({ error: { message: 'model overloaded', type: 'server_error', code: 'overloaded' } }), 'application/json');
    const error = await failure(new OpenAIChatModel({ model: 'm', apiKey: 'sk-test', baseURL, maxRetries: 0 }));
    expect(error).toMatchObject({ name: 'ProviderError', code: 'overloaded', retryable: true });
  });

  it('a mid-stream error object is a ProviderError with its code', async () => {
    const baseURL = await answer(`${chunk({ content: 'Hel' })}data: ${JSON.stringify({ error: { message: 'boom', code: 'server_error' } })}\n\n`);
    const error = await failure(new OpenAIChatModel({ model: 'm', apiKey: 'sk-test', baseURL, maxRetries: 0 }));
    expect(error).toMatchObject({ name: 'ProviderError', code: 'server_error' });
    expect((error as Error).message).toContain('boom');
  });

  it('no API key at all is an InputError before any request; apiKey: null sends none', async () => {
    const baseURL = await answer(`${chunk({ content: 'ok' }, 'stop')}data: [DONE]\n\n`);
    const saved = process.env['OPENAI_API_KEY'];
    delete process.env['OPENAI_API_KEY'];
    try {
      const error = await failure(new OpenAIChatModel({ model: 'm', baseURL }));
      expect(InputError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('OPENAI_API_KEY');
      expect(server!.requests).toHaveLength(0);
      const reply = await new OpenAIChatModel({ model: 'm', baseURL, apiKey: null }).invoke('Hi');
      expect(reply.text).toBe('ok');
      expect(server!.requests[0]!.headers['authorization']).toBeUndefined();
    } finally {
      if (saved !== undefined) process.env['OPENAI_API_KEY'] = saved;
    }
  });

  it('Perplexity sources of the wrong shape are malformed_event; well-formed ones reach the typed metadata, null ones are none', async () => {
    const sources = (extras: Record<string, unknown>): string =>
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'sonar', choices: [{ index: 0, delta: { content: 'ok' }, finish_reason: 'stop' }], ...extras })}\n\ndata: [DONE]\n\n`;
    for (const extras of [{ citations: [1, 2] }, { citations: 'https://a.example' }, { search_results: [{ url: 'https://a.example' }] }, { search_results: [{ title: 'A', url: 'https://a.example', date: 20240314 }] }]) {
      const baseURL = await answer(sources(extras));
      const error = await failure(new OpenAIChatModel({ model: 'sonar', apiKey: 'sk-test', baseURL, maxRetries: 0 }));
      expect(error, JSON.stringify(extras)).toMatchObject({ name: 'ProviderError', code: 'malformed_event', retryable: false });
      await server!.close();
    }
    const result = { title: 'A', url: 'https://a.example', date: null, last_updated: '2025-01-02', snippet: 'About A', source: 'web' };
    const baseURL = await answer(sources({ citations: ['https://a.example'], search_results: [result] }));
    const reply = await new OpenAIChatModel({ model: 'sonar', apiKey: 'sk-test', baseURL }).invoke('Hi');
    expect(reply.responseMetadata).toEqual({ id: 'c1', model: 'sonar', citations: ['https://a.example'], searchResults: [result], finishReason: 'stop' });
    await server!.close();
    const none = await answer(sources({ citations: null, search_results: null }));
    expect((await new OpenAIChatModel({ model: 'sonar', apiKey: 'sk-test', baseURL: none }).invoke('Hi')).responseMetadata).toEqual({ id: 'c1', model: 'sonar', finishReason: 'stop' });
  });

  it('tool calls keyed by index become calls keyed by id, a new id at the same index starting a new call', async () => {
    const call = (index: number, fields: Record<string, unknown>): Record<string, unknown> => ({ index, ...fields });
    const baseURL = await answer(
      [
        chunk({ tool_calls: [call(0, { id: 'a', type: 'function', function: { name: 'f', arguments: '{"x":' } })] }),
        chunk({ tool_calls: [call(0, { function: { arguments: '1}' } })] }),
        // Some servers reuse index 0 for every call, telling them apart only by id.
        chunk({ tool_calls: [call(0, { id: 'b', type: 'function', function: { name: 'g', arguments: '{}' } })] }),
        chunk({}, 'tool_calls'),
        'data: [DONE]\n\n',
      ].join(''),
    );
    const reply = await new OpenAIChatModel({ model: 'm', apiKey: 'sk-test', baseURL }).invoke('Hi');
    expect(reply.toolCalls).toEqual([
      { id: 'a', name: 'f', args: { x: 1 } },
      { id: 'b', name: 'g', args: {} },
    ]);
  });
});
