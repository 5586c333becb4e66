/**
 * Message history with a real chat model: OpenAIChatModel over HTTP to the
 * loopback mock OpenAI server, which records what each request carried.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AbortError,
  AIMessage,
  InMemoryMessageStore,
  InputError,
  ProviderError,
  ai,
  human,
  withMessageHistory,
  type AIMessageChunk,
  type HistoryInput,
  type Message,
  type Runnable,
} from '@rivulet/core';
import { OpenAIChatModel, type OpenAIChatMetadata } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript, type OpenAIRecordedRequest } from '@rivulet/openai/testing';
import { chatPrompt, placeholder } from '@rivulet/prompts';
import { rememberingReply } from './remembering-reply.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockScript): Promise<OpenAIChatModel> {
  server = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: 'test', baseURL: server.url, maxRetries: 0 });
}

const session = (sessionId: string) => ({ configurable: { sessionId } });
/** What a recorded request sent, as `role: text` lines. */
const sent = (request: OpenAIRecordedRequest | undefined) => (request?.body?.messages ?? []).map((m) => `${m.role}: ${String(m.content)}`);
const texts = (messages: readonly Message[]) => messages.map((m) => `${m.role}: ${m.text}`);

describe('withMessageHistory with OpenAIChatModel', () => {
  it('sends a bare model the earlier turns, and stores each turn once it succeeded', async () => {
    const model = await modelFor((request) => ({ text: `reply ${request.index}` }));
    const store = new InMemoryMessageStore();
    const chat = withMessageHistory(model, { store });
    expectTypeOf(chat).toEqualTypeOf<Runnable<HistoryInput, AIMessageChunk<OpenAIChatMetadata>, AIMessageChunk<OpenAIChatMetadata>>>();

    await chat.invoke('Hi, I am Ada.', session('ada'));
    const reply = await chat.invoke([{ role: 'user', content: 'Who am I?' }], session('ada'));

    expect(sent(server!.requests[1])).toEqual(['user: Hi, I am Ada.', 'assistant: reply 0', 'user: Who am I?']);
    expect(reply.text).toBe('reply 1');
    const stored = await store.getMessages('ada');
    expect(texts(stored)).toEqual(['human: Hi, I am Ada.', 'ai: reply 0', 'human: Who am I?', 'ai: reply 1']);
    // The reply is kept as a complete message, with what the provider reported.
    expect(stored[3]).toBeInstanceOf(AIMessage);
    expect(stored[3]).toMatchObject({ finishReason: 'stop', responseMetadata: { model: 'gpt-4o-mini' } });
  });

  it('keeps sessions apart', async () => {
    const model = await modelFor(rememberingReply);
    const chat = withMessageHistory(model, { store: new InMemoryMessageStore() });
    await chat.invoke("I'm Ada.", session('ada'));
    const grace = await chat.invoke("What's my name?", session('grace'));
    const ada = await chat.invoke("What's my name?", session('ada'));
    expect(grace.text).toBe("(0 earlier messages) I don't know your name: you haven't told me yet.");
    expect(ada.text).toBe('(2 earlier messages) You are Ada.');
  });

  it('fills a chat prompt placeholder with the history and stores the question as asked', async () => {
    const model = await modelFor(rememberingReply);
    const store = new InMemoryMessageStore();
    const prompt = chatPrompt([['system', 'You are a travel assistant.'], placeholder('history'), ['human', 'Question: {question}']]);
    const chat = withMessageHistory(prompt.pipe(model), { store, inputKey: 'question', historyKey: 'history' });

    await chat.invoke({ question: "I'm Ada, planning a trip to Lisbon." }, session('ada'));
    const reply = await chat.invoke({ question: "What's my name?" }, session('ada'));

    expect(reply.text).toBe('(2 earlier messages) You are Ada, and you are going to Lisbon.');
    expect(sent(server!.requests[1])).toEqual([
      'system: You are a travel assistant.',
      "user: I'm Ada, planning a trip to Lisbon.",
      'assistant: (0 earlier messages) Nice to meet you, Ada! Lisbon is lovely in spring.',
      "user: Question: What's my name?",
    ]);
    expect(texts(await store.getMessages('ada'))).toEqual([
      "human: I'm Ada, planning a trip to Lisbon.",
      'ai: (0 earlier messages) Nice to meet you, Ada! Lisbon is lovely in spring.',
      "human: What's my name?",
      'ai: (2 earlier messages) You are Ada, and you are going to Lisbon.',
    ]);
  });

  it('streams the reply chunk by chunk, storing the turn only after the last chunk', async () => {
    const model = await modelFor({ text: 'A streamed reply.', chunkSize: 3, delayMs: 5 });
    const store = new InMemoryMessageStore();
    const chunks: string[] = [];
    const storedWhileStreaming: number[] = [];
    for await (const chunk of withMessageHistory(model, { store }).stream('Hi', session('s'))) {
      if (chunk.text) chunks.push(chunk.text);
      storedWhileStreaming.push((await store.getMessages('s')).length);
    }
    expect(chunks).toEqual(['A s', 'tre', 'ame', 'd r', 'epl', 'y.']);
    expect(new Set(storedWhileStreaming)).toEqual(new Set([0]));
    expect(texts(await store.getMessages('s'))).toEqual(['human: Hi', 'ai: A streamed reply.']);
  });

  it('stores nothing when the request fails', async () => {
    const model = await modelFor({ status: 500, error: { message: 'upstream down' } });
    const store = new InMemoryMessageStore();
    await store.addMessages('s', [human('earlier'), ai('reply')]);
    const error = await withMessageHistory(model, { store }).invoke('Hi', session('s')).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(texts(await store.getMessages('s'))).toEqual(['human: earlier', 'ai: reply']);
  });

  it('stores nothing when the run is aborted mid-stream, and the request is cancelled', async () => {
    const model = await modelFor({ text: 'a long reply that keeps coming', chunkSize: 2, delayMs: 30 });
    const store = new InMemoryMessageStore();
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of withMessageHistory(model, { store }).stream('Hi', { ...session('s'), signal: controller.signal })) {
        if (chunk.text) seen.push(chunk.text);
        if (seen.length === 2) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    await server!.requests[0]!.settled;
    expect(server!.requests[0]!.closedEarly).toBe(true);
    expect(await store.getMessages('s')).toEqual([]);
  });

  it('refuses a run without a session before any request', async () => {
    const model = await modelFor({ text: 'never sent' });
    const error = await withMessageHistory(model, { store: new InMemoryMessageStore() }).invoke('Hi').catch((e: unknown) => e);
    expect(InputError.isInstance(error) && error.message).toMatch(/sessionId/);
    expect(server!.requests).toHaveLength(0);
  });
});
