import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { AIMessage, HumanMessage, InputError, SystemMessage, ToolMessage, withMessageHistory, type Message } from '@rivulet/core';
import { FakeChatModel } from '@rivulet/models/testing';
import { RedisError } from '../connection/redis-error.js';
import { useRedisServer } from '../test-support/redis-server.js';
import { RedisMessageStore } from './redis-message-store.js';

const redis = useRedisServer();
const stores: RedisMessageStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
});

function newStore(options: { prefix?: string; ttlMs?: number } = {}): RedisMessageStore {
  const store = new RedisMessageStore({ url: redis.url }, { prefix: redis.prefix(), ...options });
  stores.push(store);
  return store;
}

const turn: Message[] = [
  new SystemMessage('You plan river trips.'),
  new HumanMessage({ content: [{ type: 'text', text: 'How long is the Glomma?' }], name: 'ada', id: 'h1' }),
  new AIMessage({
    content: '',
    toolCalls: [{ id: 'call_1', name: 'river_length', args: { river: 'Glomma', unit: 'km' } }],
    usage: { inputTokens: 12, outputTokens: 7, totalTokens: 19 },
    finishReason: 'tool_calls',
    responseMetadata: { model: 'gpt-4o-mini' },
  }),
  new ToolMessage({ content: '621', toolCallId: 'call_1' }),
  new ToolMessage({ content: 'timeout', toolCallId: 'call_2', isError: true }),
  new AIMessage({ content: 'The Glomma is 621 km long.', finishReason: 'stop', reasoning: 'Looked it up.' }),
];

describe('RedisMessageStore', () => {
  it('gives back the messages it stored, of the same classes and fields, tool calls included', async () => {
    const store = newStore();
    await store.addMessages('ada', turn);
    const read = await store.getMessages('ada');
    expect(read.map((message) => message.constructor)).toEqual(turn.map((message) => message.constructor));
    expect(read.map((message) => message.toJSON())).toEqual(turn.map((message) => message.toJSON()));
    expect((read[2] as AIMessage).toolCalls).toEqual([{ id: 'call_1', name: 'river_length', args: { river: 'Glomma', unit: 'km' } }]);
  });

  it('keeps sessions apart and appends in order; a session never written is empty', async () => {
    const store = newStore();
    await store.addMessages('ada', [new HumanMessage('one')]);
    await store.addMessages('grace', [new HumanMessage('other')]);
    await store.addMessages('ada', [new AIMessage('two'), new HumanMessage('three')]);
    expect((await store.getMessages('ada')).map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect((await store.getMessages('grace')).map((m) => m.text)).toEqual(['other']);
    expect(await store.getMessages('nobody')).toEqual([]);
  });

  it('is shared by stores on other connections (another process), and clear forgets one session only', async () => {
    const prefix = redis.prefix();
    const first = newStore({ prefix });
    const second = new RedisMessageStore({ client: redis.client }, { prefix });
    await first.addMessages('ada', [new HumanMessage('hi')]);
    await first.addMessages('grace', [new HumanMessage('hello')]);
    expect((await second.getMessages('ada')).map((m) => m.text)).toEqual(['hi']);
    await second.clear('ada');
    expect(await first.getMessages('ada')).toEqual([]);
    expect(await first.getMessages('grace')).toHaveLength(1);
    await second.close(); // a client passed in stays open
    expect(await redis.client.ping()).toBe('PONG');
  });

  it('appends each turn as one step: concurrent turns from many connections never interleave', async () => {
    const prefix = redis.prefix();
    const writers = Array.from({ length: 4 }, () => newStore({ prefix }));
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => writers[n % writers.length]!.addMessages('busy', [new HumanMessage(`q${n}`), new AIMessage(`a${n}`)])),
    );
    const texts = (await writers[0]!.getMessages('busy')).map((m) => m.text);
    expect(texts).toHaveLength(80);
    for (let i = 0; i < texts.length; i += 2) expect(texts[i + 1]).toBe(texts[i]!.replace('q', 'a'));
  });

  it('forgets a session ttlMs after its last append', async () => {
    const prefix = redis.prefix();
    const store = newStore({ prefix, ttlMs: 60_000 });
    await store.addMessages('ada', [new HumanMessage('hi')]);
    const ttl = await redis.client.pttl(`${prefix}ada`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    const untimed = newStore({ prefix: redis.prefix() });
    await untimed.addMessages('ada', [new HumanMessage('hi')]);
    expect(await redis.client.pttl(`${redis.prefix()}ada`)).toBe(-2);
  });

  it('rejects a bad session id or a value that is not a message with InputError, storing nothing', async () => {
    const store = newStore();
    await expect(store.getMessages('')).rejects.toSatisfy(InputError.isInstance);
    await expect(store.addMessages('ada', [new HumanMessage('ok'), { role: 'user', content: 'plain' } as unknown as Message])).rejects.toThrow(
      /Message 1 to store is not a message/,
    );
    expect(await store.getMessages('ada')).toEqual([]);
    await expect(store.addMessages('ada', 'hi' as unknown as Message[])).rejects.toSatisfy(InputError.isInstance);
  });

  it('fails with RedisError, naming the operation, when Redis is unreachable', async () => {
    const client = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    client.on('error', () => undefined);
    const store = new RedisMessageStore({ client });
    const error = await store.getMessages('ada').catch((e: unknown) => e);
    expect(RedisError.isInstance(error) && error.operation).toBe('RedisMessageStore.getMessages');
    expect((error as Error).message).not.toMatch(/127\.0\.0\.1/);
    client.disconnect();
  });

  it('keeps the history of withMessageHistory across stores, for the session in configurable', async () => {
    const prefix = redis.prefix();
    const model = new FakeChatModel(['Hello Ada!', 'You are Ada.']);
    const first = withMessageHistory(model, { store: newStore({ prefix }) });
    await first.invoke('Hi, I am Ada.', { configurable: { sessionId: 'ada' } });
    // Another server process, with its own connection, continues the conversation.
    const second = withMessageHistory(model, { store: newStore({ prefix }) });
    const reply = await second.invoke('Who am I?', { configurable: { sessionId: 'ada' } });
    expect(reply.text).toBe('You are Ada.');
    expect(model.requests[1]?.messages.map((m) => m.text)).toEqual(['Hi, I am Ada.', 'Hello Ada!', 'Who am I?']);
    expect((await newStore({ prefix }).getMessages('ada')).map((m) => m.text)).toEqual(['Hi, I am Ada.', 'Hello Ada!', 'Who am I?', 'You are Ada.']);
  });
});
