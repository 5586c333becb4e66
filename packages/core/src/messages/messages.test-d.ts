import { describe, expectTypeOf, it } from 'vitest';
import {
  AIMessageChunk,
  coerceMessage,
  coerceMessages,
  human,
  isAIMessageChunk,
  isMessage,
  messageFromJSON,
  type AIMessage,
  type AIMessageChunkJSON,
  type HumanMessage,
  type Message,
  type MessageJSON,
  type MessageLike,
  type ToolCall,
} from '../index.js';

describe('message types', () => {
  it('accepts every message-like shape', () => {
    const likes: MessageLike[] = [
      'hi',
      ['system', 'Be brief.'],
      ['user', [{ type: 'text', text: 'hi' }]],
      { role: 'developer', content: 'x' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { role: 'tool', content: 'r', tool_call_id: 'c' },
      { role: 'ai', content: 'x', toolCalls: [{ id: 'c', name: 'f', args: {} }] },
      human('x'),
      new AIMessageChunk('x'),
    ];
    expectTypeOf(coerceMessages(likes)).toEqualTypeOf<Message[]>();
    // @ts-expect-error tool messages need an id, so there is no tool tuple
    coerceMessage(['tool', 'x']);
    // @ts-expect-error unknown role
    coerceMessage({ role: 'robot', content: 'x' });
  });

  it('narrows by role and by guards', () => {
    const message = coerceMessage('x');
    if (message.role === 'ai') expectTypeOf(message.toolCalls).toEqualTypeOf<readonly ToolCall[]>();
    if (message.role === 'human') expectTypeOf(message).toEqualTypeOf<HumanMessage>();
    const value: unknown = message;
    if (isMessage(value)) expectTypeOf(value).toEqualTypeOf<Message>();
    if (isAIMessageChunk(value)) expectTypeOf(value.content).toEqualTypeOf<string>();
  });

  it('keeps chunks typed as AIMessage and through JSON', () => {
    const chunk = new AIMessageChunk('a').concat(new AIMessageChunk('b'));
    expectTypeOf(chunk).toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(chunk).toExtend<AIMessage>();
    expectTypeOf(chunk.toJSON()).toEqualTypeOf<AIMessageChunkJSON>();
    expectTypeOf(messageFromJSON(chunk.toJSON())).toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(messageFromJSON({} as MessageJSON)).toEqualTypeOf<Message>();
  });
});
