import { describe, expectTypeOf, it } from 'vitest';
import {
  AIMessage as AIMessageClass,
  AIMessageChunk,
  ai,
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
  type ResponseMetadata,
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

describe('typed replies', () => {
  interface SearchMetadata extends ResponseMetadata {
    readonly citations?: readonly string[] | undefined;
  }
  type WeatherCall = ToolCall<'weather', { city: string }>;
  type ClockCall = ToolCall<'clock', { zone: string }>;

  it('types responseMetadata and toolCalls by the parameters, through concat', () => {
    const chunk = new AIMessageChunk<SearchMetadata, WeatherCall | ClockCall>({ responseMetadata: { citations: ['https://a.example'] } });
    expectTypeOf(chunk.responseMetadata.citations).toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf(chunk.responseMetadata['other']).toBeUnknown();
    const whole = chunk.concat(chunk);
    expectTypeOf(whole).toEqualTypeOf<AIMessageChunk<SearchMetadata, WeatherCall | ClockCall>>();
    for (const call of whole.toolCalls) {
      if (call.name === 'clock') expectTypeOf(call.args.zone).toEqualTypeOf<string>();
      else expectTypeOf(call).toEqualTypeOf<WeatherCall>();
    }
  });

  it('a typed reply is a plain AIMessage and a Message; plain messages stay plain', () => {
    expectTypeOf<AIMessageChunk<SearchMetadata, WeatherCall>>().toExtend<AIMessage>();
    expectTypeOf<AIMessageClass<SearchMetadata, WeatherCall>>().toExtend<Message>();
    // The fields given never type the message: the types come from a model, or are written out.
    expectTypeOf(new AIMessageClass({ toolCalls: [{ id: 'c', name: 'weather', args: { city: 'Oslo' } }], responseMetadata: { citations: [] } })).toEqualTypeOf<AIMessage>();
    expectTypeOf(new AIMessageChunk({ responseMetadata: { model: 'm' } })).toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(ai('x').responseMetadata).toEqualTypeOf<ResponseMetadata>();
    // @ts-expect-error a metadata value of the wrong type for the message's metadata type
    void new AIMessageChunk<SearchMetadata>({ responseMetadata: { citations: 'one' } });
    // @ts-expect-error a tool name the message's calls do not have
    void new AIMessageClass<ResponseMetadata, WeatherCall>({ toolCalls: [{ id: 'c', name: 'clock', args: { city: 'x' } }] });
  });
});
