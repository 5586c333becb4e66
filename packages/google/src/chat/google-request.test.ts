import { AIMessage, HumanMessage, InputError, SystemMessage, ToolMessage } from '@rivulet/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { googleTestServer, TEST_KEY } from '../test-support/google-test-server.js';
import { GoogleChatModel } from './google-chat-model.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const weather = {
  name: 'weather',
  description: 'Current weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
};

describe('GoogleChatModel: the request on the wire', () => {
  it('posts to streamGenerateContent?alt=sse with the key in x-goog-api-key', async () => {
    const { server, model } = await googleTestServer({ text: 'ok' });
    await model.invoke('Hi');
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toMatch(/^\/v1[a-z0-9]*\/models\/gemini-test:streamGenerateContent\?alt=sse$/);
    expect(request?.headers['x-goog-api-key']).toBe(TEST_KEY);
    expect(request?.body?.contents).toEqual([{ role: 'user', parts: [{ text: 'Hi' }] }]);
  });

  it('maps system messages to one systemInstruction and the turns to user and model contents', async () => {
    const { server, model } = await googleTestServer({ text: 'ok' });
    await model.invoke([
      new SystemMessage('Be brief.'),
      new HumanMessage('Hello'),
      new AIMessage('Hi there.'),
      new SystemMessage('Answer in French.'),
      new HumanMessage('How are you?'),
    ]);
    const body = server.requests[0]?.body;
    expect(body?.systemInstruction).toEqual({ parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }] });
    expect(body?.contents).toEqual([
      { role: 'user', parts: [{ text: 'Hello' }] },
      { role: 'model', parts: [{ text: 'Hi there.' }] },
      { role: 'user', parts: [{ text: 'How are you?' }] },
    ]);
  });

  it('sends images as inlineData (base64, data URLs) and fileData (other URLs, MIME type from the extension)', async () => {
    const { server, model } = await googleTestServer({ text: 'ok' });
    await model.invoke([
      new HumanMessage([
        { type: 'text', text: 'Compare these' },
        { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
        { type: 'image', url: 'data:image/jpeg;base64,/9j/4AAQ' },
        { type: 'image', url: 'https://example.com/river.webp?size=large' },
        { type: 'image', url: 'gs://bucket/delta', mimeType: 'image/heic' },
        { type: 'image', url: 'https://generativelanguage.googleapis.com/v1beta/files/abc123' },
      ]),
    ]);
    expect(server.requests[0]?.body?.contents?.[0]?.parts).toEqual([
      { text: 'Compare these' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } },
      { fileData: { fileUri: 'https://example.com/river.webp?size=large', mimeType: 'image/webp' } },
      { fileData: { fileUri: 'gs://bucket/delta', mimeType: 'image/heic' } },
      { fileData: { fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc123' } },
    ]);
  });

  it('sends earlier calls as functionCall parts with their signatures, and results as functionResponse parts in one turn', async () => {
    const { server, model } = await googleTestServer({ text: 'Sunny in Oslo, rainy in Rome.' });
    await model.invoke([
      new HumanMessage('Weather in Oslo and Rome?'),
      new AIMessage({
        content: 'Let me check.',
        toolCalls: [
          { id: 'gemini-call-1a2b3c4d-0', name: 'weather', args: { city: 'Oslo' } },
          { id: 'fc_from_the_api', name: 'weather', args: { city: 'Rome' } },
        ],
        responseMetadata: { thoughtSignatures: { 'gemini-call-1a2b3c4d-0': 'c2lnbmF0dXJl' } },
      }),
      new ToolMessage({ toolCallId: 'gemini-call-1a2b3c4d-0', content: 'sunny, 18°C' }),
      new ToolMessage({ toolCallId: 'fc_from_the_api', content: 'no such city', isError: true }),
    ]);
    expect(server.requests[0]?.body?.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Oslo and Rome?' }] },
      {
        role: 'model',
        parts: [
          { text: 'Let me check.' },
          // A made-up id never goes back; the API's own does.
          { functionCall: { name: 'weather', args: { city: 'Oslo' } }, thoughtSignature: 'c2lnbmF0dXJl' },
          { functionCall: { name: 'weather', args: { city: 'Rome' }, id: 'fc_from_the_api' } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'weather', response: { result: 'sunny, 18°C' } } },
          { functionResponse: { name: 'weather', response: { error: 'no such city' }, id: 'fc_from_the_api' } },
        ],
      },
    ]);
  });

  it('refuses a tool result that answers no call, before any request, since Gemini needs the function name', async () => {
    const { server, model } = await googleTestServer({ text: 'ok' });
    const error = await model.invoke([new HumanMessage('Hi'), new ToolMessage({ toolCallId: 'call_unknown', content: '42' })]).catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('call_unknown');
    expect(server.requests).toHaveLength(0);
  });

  it('sends tools as function declarations with JSON Schema, and each tool choice as functionCallingConfig', async () => {
    const { server, model } = await googleTestServer({ text: 'ok' });
    const withTools = model.bindTools([weather]);
    await withTools.invoke('x');
    await withTools.withOptions({ toolChoice: 'auto' }).invoke('x');
    await withTools.withOptions({ toolChoice: 'none' }).invoke('x');
    await withTools.withOptions({ toolChoice: 'required' }).invoke('x');
    await withTools.withOptions({ toolChoice: { name: 'weather' } }).invoke('x');
    const [plain, auto, none, required, named] = server.requests.map((request) => request.body);
    expect(plain?.tools).toEqual([{ functionDeclarations: [{ name: 'weather', description: 'Current weather in a city', parametersJsonSchema: weather.parameters }] }]);
    expect(plain?.toolConfig).toBeUndefined();
    expect(auto?.toolConfig).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    expect(none?.toolConfig).toEqual({ functionCallingConfig: { mode: 'NONE' } });
    expect(required?.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY' } });
    expect(named?.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['weather'] } });
  });

  it('maps sampling parameters and response formats to generationConfig', async () => {
    const { server, model } = await googleTestServer({ text: '{}' });
    const tuned = model.withOptions({ temperature: 0.3, topP: 0.9, maxTokens: 256, stop: ['END'], seed: 7, presencePenalty: 0.5, frequencyPenalty: 0.25 });
    await tuned.invoke('x');
    await model.withOptions({ responseFormat: { type: 'json' } }).invoke('x');
    await model.withOptions({ responseFormat: { type: 'json_schema', name: 'trip', schema: { type: 'object', properties: { city: { type: 'string' } } } } }).invoke('x');
    await model.withOptions({ responseFormat: { type: 'text' } }).invoke('x');
    const [sampled, json, schema, text] = server.requests.map((request) => request.body?.generationConfig);
    expect(sampled).toEqual({ temperature: 0.3, topP: 0.9, maxOutputTokens: 256, stopSequences: ['END'], seed: 7, presencePenalty: 0.5, frequencyPenalty: 0.25 });
    expect(json).toEqual({ responseMimeType: 'application/json' });
    expect(schema).toEqual({ responseMimeType: 'application/json', responseJsonSchema: { type: 'object', properties: { city: { type: 'string' } } } });
    expect(text ?? {}).toEqual({});
  });

  it('passes provider options as config fields, adding their tools to the function declarations', async () => {
    const { server, model } = await googleTestServer({ text: 'ok' });
    await model
      .bindTools([weather])
      .withOptions({ providerOptions: { thinkingConfig: { includeThoughts: true, thinkingBudget: 512 }, topK: 20, tools: [{ googleSearch: {} }] } })
      .invoke('x');
    const body = server.requests[0]?.body;
    expect(body?.generationConfig).toEqual({ thinkingConfig: { includeThoughts: true, thinkingBudget: 512 }, topK: 20 });
    expect(body?.tools).toEqual([{ functionDeclarations: [expect.objectContaining({ name: 'weather' })] }, { googleSearch: {} }]);
  });

  it('a request the SDK refuses for the Gemini API is an InputError, and nothing is sent', async () => {
    const { server, model } = await googleTestServer({ text: 'ok' });
    const error = await model.withOptions({ providerOptions: { tools: [{ retrieval: {} }] } }).invoke('x').catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('retrieval');
    expect(server.requests).toHaveLength(0);
  });
});

describe('GoogleChatModel: keys and connection settings', () => {
  it('reads GOOGLE_API_KEY, else GEMINI_API_KEY', async () => {
    const { server } = await googleTestServer({ text: 'ok' });
    vi.stubEnv('GOOGLE_API_KEY', '');
    vi.stubEnv('GEMINI_API_KEY', 'gemini-env-key-123');
    await new GoogleChatModel({ model: 'gemini-test', baseURL: server.url }).invoke('x');
    vi.stubEnv('GOOGLE_API_KEY', 'google-env-key-456');
    // With both set, @google/genai itself warns on every client it makes (even given a key): asserted, not printed.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await new GoogleChatModel({ model: 'gemini-test', baseURL: server.url }).invoke('x');
    expect(warn.mock.calls.map(([message]) => message)).toEqual(['Both GOOGLE_API_KEY and GEMINI_API_KEY are set. Using GOOGLE_API_KEY.']);
    warn.mockRestore();
    expect(server.requests.map((request) => request.headers['x-goog-api-key'])).toEqual(['gemini-env-key-123', 'google-env-key-456']);
  });

  it('no key at all is an InputError naming the ways to give one, before any request', async () => {
    const { server } = await googleTestServer({ text: 'ok' });
    vi.stubEnv('GOOGLE_API_KEY', '');
    vi.stubEnv('GEMINI_API_KEY', '');
    const error = await new GoogleChatModel({ model: 'gemini-test', baseURL: server.url }).invoke('x').catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/apiKey.*GEMINI_API_KEY/);
    expect(server.requests).toHaveLength(0);
  });

  it('apiKey: null sends no key at all, even with one in the environment', async () => {
    const { server } = await googleTestServer({ text: 'ok' });
    vi.stubEnv('GOOGLE_API_KEY', 'google-env-key-456');
    await new GoogleChatModel({ model: 'gemini-test', apiKey: null, baseURL: server.url }).invoke('x');
    expect(server.requests[0]?.headers['x-goog-api-key']).toBeUndefined();
    expect(server.requests[0]?.path).not.toContain('key=');
  });

  it('sends the API version, extra headers, and requests through a given fetch', async () => {
    const { server } = await googleTestServer({ text: 'ok' });
    const seen: string[] = [];
    const model = new GoogleChatModel({
      model: 'gemini-test',
      apiKey: TEST_KEY,
      baseURL: server.url,
      apiVersion: 'v1beta',
      headers: { 'x-team': 'rivers' },
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await model.invoke('x');
    expect(server.requests[0]?.path).toBe('/v1beta/models/gemini-test:streamGenerateContent?alt=sse');
    expect(server.requests[0]?.headers['x-team']).toBe('rivers');
    expect(seen).toEqual([`${server.url}/v1beta/models/gemini-test:streamGenerateContent?alt=sse`]);
  });
});
