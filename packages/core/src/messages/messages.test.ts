import { describe, expect, it } from 'vitest';
import {
  AIMessage,
  AIMessageChunk,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  ai,
  human,
  system,
  toolMessage,
  type ContentPart,
  type Message,
} from '../index.js';

describe('messages', () => {
  it('builds each role with its helper', () => {
    expect(system('Be brief.')).toBeInstanceOf(SystemMessage);
    expect(system('Be brief.').role).toBe('system');
    expect(human('Hi').role).toBe('human');
    expect(ai('Hello').role).toBe('ai');
    const result = toolMessage('22°C', 'call_1', { name: 'weather', isError: false });
    expect(result).toBeInstanceOf(ToolMessage);
    expect([result.role, result.toolCallId, result.name, result.isError]).toEqual(['tool', 'call_1', 'weather', false]);
  });

  it('accepts content or a fields object in constructors', () => {
    const message = new HumanMessage({ content: 'Hi', name: 'ada', id: 'm1' });
    expect([message.content, message.name, message.id]).toEqual(['Hi', 'ada', 'm1']);
    expect(new SystemMessage('x').name).toBeUndefined();
    const reply = ai({ toolCalls: [{ id: 'c1', name: 'weather', args: { city: 'Paris' } }], finishReason: 'tool_calls' });
    expect(reply.content).toBe('');
    expect(reply.toolCalls).toEqual([{ id: 'c1', name: 'weather', args: { city: 'Paris' } }]);
    expect(reply.invalidToolCalls).toEqual([]);
    expect(reply.responseMetadata).toEqual({});
  });

  it('joins the text parts of multi-part content into .text', () => {
    const parts: ContentPart[] = [
      { type: 'text', text: 'Look at ' },
      { type: 'image', url: 'https://example.com/cat.png' },
      { type: 'text', text: 'this cat.' },
      { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
    ];
    expect(human(parts).text).toBe('Look at this cat.');
    expect(human('plain').text).toBe('plain');
    expect(human([]).text).toBe('');
    expect(new AIMessage({ content: 'answer', reasoning: 'thinking' }).text).toBe('answer');
  });

  it('is immutable, and does not share arrays with the caller', () => {
    const parts: ContentPart[] = [{ type: 'text', text: 'a' }];
    const message = human(parts);
    parts.push({ type: 'text', text: 'b' });
    expect(message.text).toBe('a');
    expect(Object.isFrozen(message)).toBe(true);
    expect(Object.isFrozen(message.content)).toBe(true);
    expect(() => {
      (message as { content: unknown }).content = 'changed';
    }).toThrow(TypeError);

    const reply = ai({ content: 'x', toolCalls: [{ id: 'c', name: 't', args: {} }], responseMetadata: { model: 'm' } });
    expect(Object.isFrozen(reply)).toBe(true);
    expect(Object.isFrozen(reply.toolCalls)).toBe(true);
    expect(Object.isFrozen(reply.toolCalls[0])).toBe(true);
    expect(Object.isFrozen(reply.responseMetadata)).toBe(true);
    const chunk = new AIMessageChunk({ content: 'x', toolCallChunks: [{ index: 0, argsText: '{' }] });
    expect(Object.isFrozen(chunk)).toBe(true);
    expect(Object.isFrozen(chunk.toolCallChunks[0])).toBe(true);
  });

  it('narrows the Message union by role', () => {
    const describeMessage = (message: Message): string => {
      switch (message.role) {
        case 'ai':
          return `ai:${message.toolCalls.length}`;
        case 'tool':
          return `tool:${message.toolCallId}`;
        default:
          return `${message.role}:${message.text}`;
      }
    };
    expect([human('hi'), ai('yo'), toolMessage('r', 'c1'), system('s')].map(describeMessage)).toEqual([
      'human:hi',
      'ai:0',
      'tool:c1',
      'system:s',
    ]);
  });

  it('treats a chunk as an AIMessage', () => {
    const chunk: AIMessage = new AIMessageChunk('hi');
    expect(chunk).toBeInstanceOf(AIMessage);
    expect(chunk.role).toBe('ai');
    expect(chunk.text).toBe('hi');
  });
});
