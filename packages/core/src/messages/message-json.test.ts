import { describe, expect, it } from 'vitest';
import {
  AIMessage,
  AIMessageChunk,
  InputError,
  SystemMessage,
  ToolMessage,
  ai,
  human,
  messageFromJSON,
  system,
  toolMessage,
  type Message,
  type MessageJSON,
} from '../index.js';

const roundTrip = (message: Message) => messageFromJSON(JSON.parse(JSON.stringify(message)) as MessageJSON);

describe('toJSON and messageFromJSON', () => {
  it('give plain JSON without unset fields', () => {
    expect(human('hi').toJSON()).toEqual({ role: 'human', content: 'hi' });
    expect(new SystemMessage({ content: 's', name: 'n', id: 'i' }).toJSON()).toEqual({ role: 'system', content: 's', name: 'n', id: 'i' });
    expect(toolMessage('r', 'c1').toJSON()).toEqual({ role: 'tool', content: 'r', toolCallId: 'c1' });
    expect(ai('a').toJSON()).toEqual({ role: 'ai', content: 'a' });
    expect(new AIMessageChunk('x').toJSON()).toEqual({ role: 'ai', chunk: true, content: 'x' });
  });

  it('round-trip every kind of message', () => {
    const messages: Message[] = [
      system('Be brief.'),
      human([{ type: 'text', text: 'What is ' }, { type: 'image', data: 'AAAA', mimeType: 'image/png' }]),
      new AIMessage({
        content: 'Calling.',
        name: 'bot',
        id: 'resp_1',
        toolCalls: [{ id: 'c1', name: 'weather', args: { city: 'Paris', nested: { ok: true } } }],
        invalidToolCalls: [{ id: 'c2', name: 'x', argsText: '{', error: 'bad' }],
        usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7, reasoningTokens: 2 },
        responseMetadata: { citations: ['https://a'] },
        finishReason: 'tool_calls',
        reasoning: 'hmm',
      }),
      new ToolMessage({ content: 'failed', toolCallId: 'c1', name: 'weather', isError: true }),
    ];
    for (const message of messages) {
      const copy = roundTrip(message);
      expect(copy.constructor).toBe(message.constructor);
      expect(copy.toJSON()).toEqual(message.toJSON());
    }
  });

  it('revives a chunk as a chunk that can keep concatenating', () => {
    const partial = new AIMessageChunk({
      content: 'Hi',
      toolCallChunks: [{ index: 0, id: 'c', name: 'f', argsText: '{"a":' }],
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
    });
    const copy = roundTrip(partial);
    expect(copy).toBeInstanceOf(AIMessageChunk);
    expect(copy.toJSON()).toEqual(partial.toJSON());
    const typed = messageFromJSON(partial.toJSON());
    const done = typed.concat(new AIMessageChunk({ toolCallChunks: [{ index: 0, argsText: '1}' }], finishReason: 'stop' }));
    expect(done.toolCalls).toEqual([{ id: 'c', name: 'f', args: { a: 1 } }]);
  });

  it('is what JSON.stringify uses', () => {
    expect(JSON.parse(JSON.stringify([human('a')]))).toEqual([{ role: 'human', content: 'a' }]);
  });

  it.each<[string, unknown, string]>([
    ['a non-object', 'hi', 'expected a { role, ... } object, got string'],
    ['bad usage', { role: 'ai', content: '', usage: { inputTokens: 'x' } }, '"usage.inputTokens" must be a number'],
    ['an unknown finishReason', { role: 'ai', content: '', finishReason: 'done' }, '"finishReason" must be one of'],
    ['bad toolCalls args', { role: 'ai', content: '', toolCalls: [{ id: 'c', name: 'f', args: '{}' }] }, '"toolCalls[0].args" must be an object'],
    ['chunk with toolCalls', { role: 'ai', chunk: true, content: '', toolCalls: [] }, 'a chunk carries "toolCallChunks"'],
    ['chunk with parts', { role: 'ai', chunk: true, content: [] }, 'the "content" of a chunk must be a string'],
    ['bad toolCallChunks', { role: 'ai', chunk: true, content: '', toolCallChunks: [{ index: 'a' }] }, '"toolCallChunks[0].index" must be an integer'],
    ['bad responseMetadata', { role: 'ai', content: '', responseMetadata: [] }, '"responseMetadata" must be an object'],
    ['bad isError', { role: 'tool', content: '', toolCallId: 'c', isError: 'yes' }, '"isError" must be a boolean'],
  ])('rejects %s with an InputError', (_, json, detail) => {
    const run = () => messageFromJSON(json as MessageJSON);
    expect(run).toThrow(InputError);
    expect(run).toThrow(detail);
  });
});
