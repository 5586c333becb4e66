import { GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { GoogleChatModel } from '../chat/google-chat-model.js';
import { startMockGoogleServer, type MockGoogleServer, type MockScript } from './index.js';

const open: MockGoogleServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function start(script?: MockScript): Promise<MockGoogleServer> {
  const server = await startMockGoogleServer(script);
  open.push(server);
  return server;
}

function post(server: MockGoogleServer, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-goog-api-key': 'k' }, body: JSON.stringify(body) });
}

const ask = { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] };

describe('startMockGoogleServer: the wire', () => {
  it('streams GenerateContentResponse chunks as CRLF-framed data events, finish reason and full usage on the last', async () => {
    const server = await start({ text: 'Hello!', chunkSize: 3, usage: { promptTokenCount: 4, candidatesTokenCount: 2 } });
    const response = await post(server, '/v1beta/models/gemini-test:streamGenerateContent?alt=sse', ask);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const raw = await response.text();
    expect(raw.endsWith('\r\n\r\n')).toBe(true);
    const events = raw.split('\r\n\r\n').filter(Boolean);
    expect(events.every((event) => event.startsWith('data: '))).toBe(true);
    const chunks = events.map((event) => JSON.parse(event.slice('data: '.length)) as unknown);
    expect(chunks).toEqual([
      {
        candidates: [{ content: { parts: [{ text: 'Hel' }], role: 'model' }, index: 0 }],
        usageMetadata: { promptTokenCount: 4, totalTokenCount: 4 },
        modelVersion: 'gemini-test',
        responseId: 'mock-response-0',
      },
      {
        candidates: [{ content: { parts: [{ text: 'lo!' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 },
        modelVersion: 'gemini-test',
        responseId: 'mock-response-0',
      },
    ]);
  });

  it('sends thoughts, text and whole function calls as the official SDK reads them', async () => {
    const server = await start({
      thoughts: 'Think.',
      text: 'Calling.',
      functionCalls: [{ name: 'weather', args: { city: 'Oslo' } }],
      thoughtSignature: 'c2ln',
    });
    const ai = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: server.url } });
    const stream = await ai.models.generateContentStream({ model: 'gemini-test', contents: 'Hi' });
    let thoughts = '';
    let text = '';
    const calls: unknown[] = [];
    for await (const chunk of stream) {
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        if (part.thought === true) thoughts += part.text ?? '';
        else if (part.text !== undefined) text += part.text;
        if (part.functionCall) calls.push({ ...part.functionCall, signature: part.thoughtSignature });
      }
    }
    expect({ thoughts, text, calls }).toEqual({ thoughts: 'Think.', text: 'Calling.', calls: [{ name: 'weather', args: { city: 'Oslo' }, signature: 'c2ln' }] });
  });

  it('answers embeddings: batchEmbedContents one vector per request, embedContent one vector, same text same vector', async () => {
    const server = await start();
    const batch = (await (await post(server, '/v1beta/models/e:batchEmbedContents', {
      requests: [{ content: { parts: [{ text: 'a' }] }, outputDimensionality: 3 }, { content: { parts: [{ text: 'b' }] } }],
    })).json()) as { embeddings: { values: number[] }[] };
    const single = (await (await post(server, '/v1beta/models/e:embedContent', { content: { parts: [{ text: 'a' }] }, outputDimensionality: 3 })).json()) as {
      embedding: { values: number[] };
    };
    expect(batch.embeddings.map((embedding) => embedding.values.length)).toEqual([3, 8]);
    expect(single.embedding.values).toEqual(batch.embeddings[0]?.values);
  });

  it('refuses more than 100 texts in one batch, as Google does', async () => {
    const server = await start();
    const requests = Array.from({ length: 101 }, () => ({ content: { parts: [{ text: 'x' }] } }));
    const response = await post(server, '/v1beta/models/e:batchEmbedContents', { requests });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
  });

  it('answers errors with Google error bodies: scripted statuses with RetryInfo, unknown routes, a stream without alt=sse, an exhausted script', async () => {
    const server = await start([{ status: 429, retryDelay: '2s', error: { message: 'slow down' } }, { text: 'ok' }]);
    const limited = await post(server, '/v1beta/models/m:streamGenerateContent?alt=sse', ask);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      error: { code: 429, message: 'slow down', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' }] },
    });
    expect((await post(server, '/v1beta/models/m:countTokens', ask)).status).toBe(404);
    expect((await post(server, '/v1beta/models/m:streamGenerateContent', ask)).status).toBe(400);
    expect((await post(server, '/v1beta/models/m:streamGenerateContent?alt=sse', ask)).status).toBe(200);
    const exhausted = await post(server, '/v1beta/models/m:streamGenerateContent?alt=sse', ask);
    expect(exhausted.status).toBe(500);
    expect(await exhausted.json()).toMatchObject({ error: { status: 'INTERNAL' } });
  });

  it('without a script echoes the last user message', async () => {
    const server = await start();
    const ai = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: server.url } });
    let text = '';
    for await (const chunk of await ai.models.generateContentStream({ model: 'm', contents: 'Where do rivers go?' })) text += chunk.text ?? '';
    expect(text).toBe('You said: Where do rivers go?');
  });

  it('a truncated stream has no finish reason and no final usage', async () => {
    const server = await start({ text: 'cut off', truncate: true });
    const raw = await (await post(server, '/v1beta/models/m:streamGenerateContent?alt=sse', ask)).text();
    expect(raw).not.toContain('finishReason');
    expect(raw).not.toContain('candidatesTokenCount');
  });

  it('a blocked prompt is one chunk with promptFeedback and no candidates', async () => {
    const server = await start({ blockReason: 'SAFETY' });
    const raw = await (await post(server, '/v1beta/models/m:streamGenerateContent?alt=sse', ask)).text();
    const chunks = raw.split('\r\n\r\n').filter(Boolean).map((event) => JSON.parse(event.slice('data: '.length)) as Record<string, unknown>);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ promptFeedback: { blockReason: 'SAFETY' } });
    expect(chunks[0]?.['candidates']).toBeUndefined();
  });
});

describe('startMockGoogleServer: tool-call ids', () => {
  it('sends no generated id, as Gemini does, so every turn gets a fresh id from the model; a scripted id is sent as given', async () => {
    const server = await start([{ functionCalls: [{ name: 'clock' }] }, { functionCalls: [{ name: 'clock' }] }, { functionCalls: [{ name: 'clock', id: 'fc_kept' }] }]);
    const model = new GoogleChatModel({ model: 'gemini-test', apiKey: 'k', baseURL: server.url });
    const ids = [];
    for (let turn = 0; turn < 3; turn++) ids.push((await model.invoke('What time is it?')).toolCalls[0]?.id);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe('fc_kept');
  });
});
