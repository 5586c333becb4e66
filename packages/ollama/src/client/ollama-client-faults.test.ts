import { Ollama } from 'ollama/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockOllamaServer, type MockOllamaReply, type MockOllamaServer } from '../testing/index.js';

// These tests pin down how the official `ollama` client surfaces each fault
// when it reads the response itself. Every one loses something Rivulet must
// report, which is why `sendThroughClient` takes the response from the client
// and the provider reads it (see ollama-chat-faults.test.ts for the result).

let server: MockOllamaServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

/** Streams one chat through the raw client: the text that arrived, and how it failed. */
async function chat(reply: MockOllamaReply): Promise<{ text: string; error: unknown }> {
  server = await startMockOllamaServer(reply);
  const client = new Ollama({ host: server.url });
  let text = '';
  try {
    for await (const part of await client.chat({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true })) text += part.message.content;
    return { text, error: undefined };
  } catch (error) {
    return { text, error };
  }
}

describe('what the raw ollama client makes of each fault', () => {
  it('skips a line that is not JSON with a console.warn, and the stream goes on as if nothing happened', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { text, error } = await chat({ text: 'abcdef', chunkSize: 2, malformedAfterChunks: 1 });
    expect(error).toBeUndefined();
    expect(text).toBe('abcdef');
    expect(warn).toHaveBeenCalledWith('invalid json: ', expect.stringContaining('unterminated'));
  });

  it('passes a line of the wrong shape on, typed as a chat response, for its reader to trip over', async () => {
    server = await startMockOllamaServer({ text: 'ab', extraLines: [{ after: 0, line: '{"foo":1}' }] });
    const parts: unknown[] = [];
    for await (const part of await new Ollama({ host: server.url }).chat({ model: 'm', messages: [], stream: true })) parts.push(part);
    expect(parts[0]).toEqual({ foo: 1 });
    expect(parts).toHaveLength(3);
  });

  it('turns an error line into a plain Error: no status, no kind', async () => {
    const { error } = await chat({ text: 'abcdef', chunkSize: 2, errorEventAfterChunks: 1, error: { message: 'model crashed' } });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toBe('model crashed');
  });

  it('turns a stream without done into the same kind of plain Error', async () => {
    const { text, error } = await chat({ text: 'cut off', omitDone: true });
    expect(text).toBe('cut off');
    expect((error as Error).message).toBe('Did not receive done or success response in stream.');
  });

  it('parses a 200 HTML page as NDJSON, warns, and reports a missing done', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { error } = await chat({ verbatimBody: { contentType: 'text/html', text: '<html>\n<body>login</body>\n</html>\n' } });
    expect((error as Error).message).toBe('Did not receive done or success response in stream.');
  });

  it('keeps only message and status of an HTTP error: no headers, so no Retry-After and no request id', async () => {
    const { error } = await chat({ status: 429, error: { message: 'slow down' }, retryAfter: 2 });
    expect(error).toMatchObject({ name: 'ResponseError', error: 'slow down', status_code: 429 });
    expect(Object.keys(error as object).sort()).toEqual(['error', 'name', 'status_code']);
  });

  it('logs to the console while reading a text error body', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { error } = await chat({ status: 502, error: 'Bad gateway' });
    expect(error).toMatchObject({ error: 'Bad gateway', status_code: 502 });
    expect(log).toHaveBeenCalledWith('Getting text from response');
  });

  it('lets a dropped connection escape as undici\'s raw TypeError', async () => {
    const { error } = await chat({ text: 'abcdef', chunkSize: 2, dropAfterChunks: 1 });
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('terminated');
  });
});
