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
  type MessageObjectRole,
  type OpenAIStyleMessage,
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
    // @ts-expect-error a role is a string
    coerceMessage({ role: 1, content: 'x' });
  });

  it('accepts message objects written without `as const` (role inferred as string)', () => {
    const messages = [{ role: 'system', content: '…' }, { role: 'user', content: '…' }];
    expectTypeOf(messages).toEqualTypeOf<{ role: string; content: string }[]>();
    expectTypeOf(coerceMessages(messages)).toEqualTypeOf<Message[]>();
    expectTypeOf(messages).toExtend<readonly MessageLike[]>();
    expectTypeOf(messages[0]!).toExtend<MessageLike>();
    const toolReply = { role: 'tool', content: '22°C', tool_call_id: 'call_1' };
    expectTypeOf(coerceMessage(toolReply)).toEqualTypeOf<Message>();
  });

  it('still autocompletes the known roles', () => {
    expectTypeOf<OpenAIStyleMessage['role']>().toExtend<string>();
    expectTypeOf<MessageObjectRole>().toExtend<OpenAIStyleMessage['role']>();
    // `string & {}` keeps the literal members in the union, which is what the editor offers.
    expectTypeOf<Extract<OpenAIStyleMessage['role'], 'assistant'>>().toEqualTypeOf<'assistant'>();
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
