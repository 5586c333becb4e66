import { describe, expect, it } from 'vitest';
import {
  AIMessage,
  AIMessageChunk,
  HumanMessage,
  InputError,
  SystemMessage,
  ToolMessage,
  coerceMessage,
  coerceMessages,
  human,
  type MessageLike,
} from '../index.js';

/** The InputError `fn` throws. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (InputError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('coerceMessage', () => {
  it('returns a message as is and reads a string as a human message', () => {
    const message = human('hi');
    expect(coerceMessage(message)).toBe(message);
    const coerced = coerceMessage('hello');
    expect(coerced).toBeInstanceOf(HumanMessage);
    expect(coerced.content).toBe('hello');
  });

  it.each([
    ['system', SystemMessage],
    ['human', HumanMessage],
    ['user', HumanMessage],
    ['ai', AIMessage],
    ['assistant', AIMessage],
  ] as const)('reads a [%s, text] tuple', (role, type) => {
    const message = coerceMessage([role, 'text']);
    expect(message).toBeInstanceOf(type);
    expect(message.text).toBe('text');
  });

  it('reads content parts in a tuple', () => {
    const message = coerceMessage(['human', [{ type: 'image', url: 'https://x/cat.png' }]]);
    expect(message.content).toEqual([{ type: 'image', url: 'https://x/cat.png' }]);
  });

  it.each([
    ['system', SystemMessage],
    ['developer', SystemMessage],
    ['user', HumanMessage],
    ['human', HumanMessage],
    ['assistant', AIMessage],
    ['ai', AIMessage],
  ] as const)('reads a { role: %s } object', (role, type) => {
    const message = coerceMessage({ role, content: 'text', name: 'n' });
    expect(message).toBeInstanceOf(type);
    expect([message.text, message.name]).toEqual(['text', 'n']);
  });

  it('reads an OpenAI tool message and an assistant message that calls tools', () => {
    const result = coerceMessage({ role: 'tool', content: '22°C', tool_call_id: 'call_1' });
    expect(result).toBeInstanceOf(ToolMessage);
    expect((result as ToolMessage).toolCallId).toBe('call_1');

    const reply = coerceMessage({
      role: 'assistant',
      content: null,
      reasoning_content: 'The user wants weather.',
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_2', type: 'function', function: { name: 'time', arguments: '' } },
        { id: 'call_3', type: 'function', function: { name: 'broken', arguments: '{"city":' } },
      ],
    }) as AIMessage;
    expect(reply.content).toBe('');
    expect(reply.reasoning).toBe('The user wants weather.');
    expect(reply.toolCalls).toEqual([
      { id: 'call_1', name: 'weather', args: { city: 'Paris' } },
      { id: 'call_2', name: 'time', args: {} },
    ]);
    expect(reply.invalidToolCalls).toEqual([
      { id: 'call_3', name: 'broken', argsText: '{"city":', error: expect.stringContaining('not') as unknown },
    ]);
  });

  it('reads OpenAI image_url parts as image parts', () => {
    const message = coerceMessage({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'https://x/cat.png', detail: 'low' } },
        { type: 'image_url', image_url: 'data:image/png;base64,AAAA' },
      ],
    });
    expect(message.content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image', url: 'https://x/cat.png' },
      { type: 'image', url: 'data:image/png;base64,AAAA' },
    ]);
    expect(message.text).toBe('What is this?');
  });

  it('reads a message from another copy of the package as is', () => {
    const foreign = Object.assign(Object.create({ [Symbol.for('rivulet.message')]: true }) as object, {
      role: 'human',
      content: 'hi',
    });
    expect(coerceMessage(foreign as MessageLike)).toBe(foreign);
  });

  it.each<[string, unknown, string]>([
    ['a number', 42, 'got number'],
    ['null', null, 'got null'],
    ['an unknown object role', { role: 'robot', content: 'x' }, 'unknown role "robot"'],
    ['a missing role', { content: 'x' }, '"role" is missing'],
    ['a missing content', { role: 'user' }, '"content" is missing'],
    ['a null content on a user message', { role: 'user', content: null }, 'got null'],
    ['an assistant without content or calls', { role: 'assistant' }, '"content" is missing'],
    ['a numeric content', { role: 'user', content: 1 }, '"content" must be a string or an array'],
    ['an unknown part type', { role: 'user', content: [{ type: 'audio' }] }, 'content[0] has unsupported type "audio"'],
    ['a text part without text', { role: 'user', content: [{ type: 'text' }] }, 'content[0] is a text part'],
    ['an image without source', { role: 'user', content: [{ type: 'image' }] }, 'content[0] is an image part without'],
    ['a tool message without id', { role: 'tool', content: 'x' }, 'needs "tool_call_id"'],
    ['a non-string name', { role: 'user', content: 'x', name: 3 }, '"name" must be a string'],
    ['a tuple of three', ['human', 'a', 'b'], 'must have 2 elements, got 3'],
    ['an unknown tuple role', ['tool', 'a'], 'unknown role "tool" in a [role, content] tuple'],
    ['a tuple without text', ['human', 5], '"tuple content" must be a string'],
    ['malformed tool_calls', { role: 'assistant', content: '', tool_calls: [{ id: 'c' }] }, 'tool_calls[0].function.name'],
    ['tool_calls not an array', { role: 'assistant', content: '', tool_calls: {} }, '"tool_calls" must be an array'],
  ])('rejects %s with an InputError', (_, like, detail) => {
    const error = inputError(() => coerceMessage(like as MessageLike));
    expect(error.message).toMatch(/^Invalid message: /);
    expect(error.message).toContain(detail);
  });
});

describe('coerceMessages', () => {
  it('reads a mixed list in order', () => {
    const messages = coerceMessages([
      ['system', 'Be brief.'],
      'Hi',
      { role: 'assistant', content: 'Hello' },
      human('Bye'),
    ]);
    expect(messages.map((m) => [m.role, m.text])).toEqual([
      ['system', 'Be brief.'],
      ['human', 'Hi'],
      ['ai', 'Hello'],
      ['human', 'Bye'],
    ]);
  });

  it('names the index of a bad entry', () => {
    const error = inputError(() => coerceMessages(['ok', ['human', 'ok'], { role: 'robot', content: 'x' }]));
    expect(error.message).toBe(
      'Invalid message at index 2: unknown role "robot" (expected one of system, developer, user, human, assistant, ai, tool)',
    );
    expect(error.position).toBe(2);
  });

  it('reads objects written without `as const` (role typed as string)', () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }];
    expect(coerceMessages(messages).map((m) => [m.role, m.text])).toEqual([
      ['system', 'Be brief.'],
      ['human', 'Hi'],
    ]);
  });

  it('rejects an unknown string role with its index', () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'bot', content: 'Hi' }];
    const error = inputError(() => coerceMessages(messages));
    expect(error.message).toBe(
      'Invalid message at index 1: unknown role "bot" (expected one of system, developer, user, human, assistant, ai, tool)',
    );
    expect(error.position).toBe(1);
  });

  it('rejects a value that is not an array', () => {
    const error = inputError(() => coerceMessages('hi' as unknown as MessageLike[]));
    expect(error.message).toContain('Expected an array of messages, got string');
  });

  it('keeps chunks as chunks', () => {
    const chunk = new AIMessageChunk('x');
    expect(coerceMessages([chunk])[0]).toBe(chunk);
  });
});
