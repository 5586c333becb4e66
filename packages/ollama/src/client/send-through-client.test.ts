import { eventually } from '@rivulet/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockOllamaServer, type MockOllamaServer } from '../testing/index.js';
import { resolveOllamaConnection, DEFAULT_OLLAMA_HOST } from './ollama-connection.js';
import { sendThroughClient } from './send-through-client.js';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env['OLLAMA_HOST'];
  delete process.env['OLLAMA_API_KEY'];
});

const messages = [{ role: 'user', content: 'hi' }];

describe('sendThroughClient', () => {
  it('sends through the official client and hands back the untouched response, error statuses included', async () => {
    server = await startMockOllamaServer([{ text: 'ok' }, { status: 503, error: { message: 'busy' }, retryAfter: 1 }]);
    const connection = resolveOllamaConnection({ host: server.url, headers: { 'x-tenant': 't1' }, apiKey: 'secret-key-123' });
    const ok = await sendThroughClient(connection, new AbortController().signal, (client) => client.chat({ model: 'm', messages, stream: true }));
    expect(ok.headers.get('content-type')).toBe('application/x-ndjson');
    expect(await ok.text()).toContain('"done":true');
    const busy = await sendThroughClient(connection, new AbortController().signal, (client) => client.chat({ model: 'm', messages, stream: true }));
    expect([busy.status, busy.headers.get('retry-after'), await busy.json()]).toEqual([503, '1', { error: 'busy' }]);
    expect(server.requests[0]).toMatchObject({
      path: '/api/chat',
      headers: { 'user-agent': expect.stringMatching(/^ollama-js\//), authorization: 'Bearer secret-key-123', 'x-tenant': 't1' },
      body: { model: 'm', messages, stream: true },
    });
  });

  it('aborts the request before the headers with the signal, closing the socket', async () => {
    server = await startMockOllamaServer({ text: 'late', headersDelayMs: 5_000 });
    const connection = resolveOllamaConnection({ host: server.url });
    const controller = new AbortController();
    const sent = sendThroughClient(connection, controller.signal, (client) => client.chat({ model: 'm', messages, stream: true }));
    await eventually(() => server?.requests.length === 1, 'the request to arrive');
    controller.abort();
    await expect(sent).rejects.toMatchObject({ name: 'AbortError' });
    await server.requests[0]!.socketClosed;
    expect(server.requests[0]!.closedEarly).toBe(true);
  });

  it('rethrows what fetch throws', async () => {
    const connection = resolveOllamaConnection({ host: 'http://127.0.0.1:9', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(sendThroughClient(connection, new AbortController().signal, (client) => client.embed({ model: 'm', input: ['x'] }))).rejects.toThrow('fetch failed');
  });
});

describe('resolveOllamaConnection', () => {
  it('defaults the host to OLLAMA_HOST, else Ollama\'s address, and masks OLLAMA_API_KEY when no key is given', () => {
    expect(resolveOllamaConnection({}).host).toBe(DEFAULT_OLLAMA_HOST);
    process.env['OLLAMA_HOST'] = 'gpu-box:11434';
    process.env['OLLAMA_API_KEY'] = 'env-key-abcdefgh';
    expect(resolveOllamaConnection({})).toMatchObject({ host: 'gpu-box:11434', secret: 'env-key-abcdefgh', headers: {} });
    expect(resolveOllamaConnection({ host: 'http://h:1', apiKey: 'mine-12345678' })).toMatchObject({
      host: 'http://h:1',
      secret: 'mine-12345678',
      headers: { Authorization: 'Bearer mine-12345678' },
    });
  });
});
