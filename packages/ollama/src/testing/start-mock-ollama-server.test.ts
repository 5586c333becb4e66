import { Ollama } from 'ollama/browser';
import { eventually, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OllamaChatModel } from '../chat/ollama-chat-model.js';
import { startMockOllamaServer, type MockOllamaScript, type MockOllamaServer } from './index.js';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function start(script?: MockOllamaScript): Promise<MockOllamaServer> {
  server = await startMockOllamaServer(script);
  return server;
}

const chatBody = (extra: Record<string, unknown> = {}) => JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi there' }], ...extra });

/** The NDJSON lines of a raw `/api/chat` answer, parsed. */
async function rawChat(url: string, extra: Record<string, unknown> = {}): Promise<{ response: Response; lines: Record<string, unknown>[] }> {
  const response = await fetch(`${url}/api/chat`, { method: 'POST', body: chatBody(extra) });
  const text = await response.text();
  expect(text.endsWith('\n')).toBe(true);
  return { response, lines: text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('startMockOllamaServer: the chat stream, line by line', () => {
  it('streams thinking, text and tool calls as Ollama does, the done line last with its fields in Ollama order', async () => {
    const { url } = await start({
      thinking: 'Hmm.',
      text: 'Hello!',
      chunkSize: 3,
      toolCalls: [
        { name: 'weather', arguments: { city: 'Oslo' } },
        { name: 'weather', arguments: { city: 'Rome' } },
      ],
      usage: { promptEvalCount: 11, evalCount: 6 },
    });
    const { response, lines } = await rawChat(url);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const messages = lines.map((line) => line['message']);
    expect(messages).toEqual([
      { role: 'assistant', content: '', thinking: 'Hmm' },
      { role: 'assistant', content: '', thinking: '.' },
      { role: 'assistant', content: 'Hel' },
      { role: 'assistant', content: 'lo!' },
      // Each call whole, no id; Go's omitempty leaves out index 0.
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'weather', arguments: { city: 'Oslo' } } }] },
      { role: 'assistant', content: '', tool_calls: [{ function: { index: 1, name: 'weather', arguments: { city: 'Rome' } } }] },
      { role: 'assistant', content: '' },
    ]);
    expect(lines.slice(0, -1).every((line) => line['done'] === false && line['model'] === 'llama3.2' && typeof line['created_at'] === 'string')).toBe(true);
    const done = lines.at(-1)!;
    expect(Object.keys(done)).toEqual(['model', 'created_at', 'message', 'done_reason', 'done', 'total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_count', 'eval_duration']);
    expect(done).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 11, eval_count: 6 });
  });

  it('puts all tool calls in one line when told, and leaves zero counts out', async () => {
    const { url } = await start({ toolCalls: [{ name: 'a', arguments: {} }, { name: 'b', arguments: { x: 1 } }], toolCallsInOneLine: true, usage: { promptEvalCount: 0, evalCount: 2 } });
    const { lines } = await rawChat(url);
    expect(lines).toHaveLength(2);
    expect(lines[0]!['message']).toMatchObject({ tool_calls: [{ function: { name: 'a' } }, { function: { index: 1, name: 'b' } }] });
    expect(lines[1]).not.toHaveProperty('prompt_eval_count');
    expect(lines[1]).toHaveProperty('eval_count', 2);
  });

  it('answers stream: false with one object holding the whole message', async () => {
    const { url } = await start({ thinking: 'Hmm.', text: 'Hello!', toolCalls: [{ name: 'a', arguments: { x: 1 } }], doneReason: 'length' });
    const response = await fetch(`${url}/api/chat`, { method: 'POST', body: chatBody({ stream: false }) });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      done: true,
      done_reason: 'length',
      message: { role: 'assistant', content: 'Hello!', thinking: 'Hmm.', tool_calls: [{ function: { name: 'a', arguments: { x: 1 } } }] },
    });
  });

  it('echoes the last user message without a script, and records each request', async () => {
    const { url, requests } = await start();
    const { lines } = await rawChat(url);
    expect(lines.map((line) => (line['message'] as { content: string }).content).join('')).toBe('You said: Hi there');
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/chat', status: 200, outcome: 'finished', eventsSent: lines.length, body: { model: 'llama3.2' } });
  });
});

describe('startMockOllamaServer: through the official client', () => {
  it('is read by the ollama client as a stream, as one object, and as embeddings', async () => {
    const { url } = await start([{ text: 'Rivers flow.', thinking: 'Easy.' }, { text: 'Whole.' }, {}]);
    const client = new Ollama({ host: url });
    let text = '';
    let thinking = '';
    for await (const part of await client.chat({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }], stream: true })) {
      text += part.message.content;
      thinking += part.message.thinking ?? '';
    }
    expect({ text, thinking }).toEqual({ text: 'Rivers flow.', thinking: 'Easy.' });
    expect((await client.chat({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }] })).message.content).toBe('Whole.');
    const embedded = await client.embed({ model: 'nomic-embed-text', input: ['river', 'stream', 'river'], dimensions: 16 });
    expect(embedded.embeddings).toHaveLength(3);
    expect(embedded.embeddings[0]).toHaveLength(16);
    expect(Math.hypot(...embedded.embeddings[0]!)).toBeCloseTo(1, 4);
    expect(embedded.embeddings[0]).toEqual(embedded.embeddings[2]);
    expect(embedded.embeddings[0]).not.toEqual(embedded.embeddings[1]);
    expect(embedded).toMatchObject({ model: 'nomic-embed-text', prompt_eval_count: expect.any(Number) });
  });

  it('embeds a single string input and honours scripted vectors', async () => {
    const { url } = await start([{}, { embeddings: [[1, 0]] }]);
    const client = new Ollama({ host: url });
    expect((await client.embed({ model: 'e', input: 'one text' })).embeddings).toHaveLength(1);
    expect((await client.embed({ model: 'e', input: ['x'] })).embeddings).toEqual([[1, 0]]);
  });

  it('answers /api/version and / as Ollama does, and a plain-text 404 elsewhere', async () => {
    const { url } = await start();
    expect(await new Ollama({ host: url }).version()).toEqual({ version: expect.stringContaining('mock') });
    expect(await (await fetch(url)).text()).toBe('Ollama is running');
    const missing = await fetch(`${url}/api/nope`, { method: 'POST', body: '{}' });
    expect([missing.status, await missing.text()]).toEqual([404, '404 page not found']);
  });
});

describe('startMockOllamaServer: faults', () => {
  it('answers an error status with Ollama error body, retry hint and extra headers', async () => {
    const { url } = await start({ status: 429, error: { message: 'slow down' }, retryAfter: 0.5, headers: { 'x-proxy': 'yes' } });
    const response = await fetch(`${url}/api/chat`, { method: 'POST', body: chatBody() });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('0.5');
    expect(response.headers.get('x-proxy')).toBe('yes');
    expect(await response.json()).toEqual({ error: 'slow down' });
  });

  it('sends a raw error body, a verbatim 200 body, and a 500 once an array script ran out', async () => {
    const { url } = await start([{ status: 502, error: '<html>Bad gateway</html>' }, { verbatimBody: { contentType: 'text/html', text: '<html>login</html>' } }]);
    const bad = await fetch(`${url}/api/chat`, { method: 'POST', body: chatBody() });
    expect([bad.status, bad.headers.get('content-type'), await bad.text()]).toEqual([502, 'text/plain; charset=utf-8', '<html>Bad gateway</html>']);
    const page = await fetch(`${url}/api/embed`, { method: 'POST', body: '{"model":"e","input":["x"]}' });
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html', '<html>login</html>']);
    const exhausted = await fetch(`${url}/api/chat`, { method: 'POST', body: chatBody() });
    expect(exhausted.status).toBe(500);
    expect(await exhausted.json()).toEqual({ error: expect.stringContaining('mock script exhausted') });
  });

  it('slips in an error line, a malformed line and extra lines at their positions, and can leave out the done line', async () => {
    const { url } = await start([
      { text: 'abcdef', chunkSize: 2, errorEventAfterChunks: 1, error: { message: 'model crashed' } },
      { text: 'abcd', chunkSize: 2, malformedAfterChunks: 1, extraLines: [{ after: 0, line: '{"foo":1}' }], omitDone: true },
    ]);
    const first = await (await fetch(`${url}/api/chat`, { method: 'POST', body: chatBody() })).text();
    expect(first.trimEnd().split('\n').slice(1)).toEqual(['{"error":"model crashed"}']);
    const second = (await (await fetch(`${url}/api/chat`, { method: 'POST', body: chatBody() })).text()).trimEnd().split('\n');
    expect(second[0]).toBe('{"foo":1}');
    expect(() => JSON.parse(second[2]!)).toThrow();
    expect(second.map((line) => line.includes('"done":true'))).not.toContain(true);
    expect(second).toHaveLength(4);
  });

  it('drops the connection mid-stream or before headers, and stalls until the client leaves', async () => {
    const mock = await start([{ text: 'abcdef', chunkSize: 2, dropAfterChunks: 1 }, { dropBeforeHeaders: true }, { text: 'abcdef', chunkSize: 2, stallAfterChunks: 1 }]);
    const torn = await fetch(`${mock.url}/api/chat`, { method: 'POST', body: chatBody() });
    await expect(torn.text()).rejects.toThrow();
    await expect(fetch(`${mock.url}/api/chat`, { method: 'POST', body: chatBody() })).rejects.toThrow();
    expect(mock.requests.slice(0, 2).map((request) => request.outcome)).toEqual(['server-dropped', 'server-dropped']);
    const controller = new AbortController();
    const stalled = await fetch(`${mock.url}/api/chat`, { method: 'POST', body: chatBody(), signal: controller.signal });
    const reader = stalled.body!.getReader();
    await reader.read();
    controller.abort();
    await mock.requests[2]!.settled;
    expect(mock.requests[2]).toMatchObject({ outcome: 'client-closed', closedEarly: true, eventsSent: 1 });
  });

  it('waits exactly headersDelayMs before the headers', async () => {
    // The server's wait in virtual time, its sockets real.
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const { url, requests } = await start({ text: 'late', headersDelayMs: 120 });
    const response = fetch(`${url}/api/chat`, { method: 'POST', body: chatBody() });
    await eventually(() => requests.length === 1, 'the request');
    await vi.advanceTimersByTimeAsync(119);
    expect(requests[0]?.status).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(requests[0]?.status).toBe(200);
    expect((await response).status).toBe(200);
  });
});

describe('startMockOllamaServer: tool-call ids', () => {
  it('sends tool calls without ids, as Ollama does, so every turn gets a fresh id from the model', async () => {
    const reply = { toolCalls: [{ name: 'clock', arguments: {} }] };
    const { url } = await start([reply, reply, reply]);
    const { lines } = await rawChat(url);
    expect(lines[0]).toMatchObject({ message: { tool_calls: [{ function: { name: 'clock' } }] } });
    expect(JSON.stringify(lines)).not.toContain('"id"');
    const model = new OllamaChatModel({ model: 'llama3.2', host: url });
    const first = (await model.invoke('What time is it?')).toolCalls[0]?.id;
    const second = (await model.invoke('And now?')).toolCalls[0]?.id;
    expect(first).toMatch(/^call_/);
    expect(second).toMatch(/^call_/);
    expect(first).not.toBe(second);
  });
});
