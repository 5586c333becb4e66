import { describe, expect, it } from 'vitest';
import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from '@rivulet/core';
import { toAnthropicConversation } from './to-anthropic-messages.js';

describe('toAnthropicConversation', () => {
  it('joins every system message into `system`, wherever it stood', () => {
    const { system, messages } = toAnthropicConversation([
      new SystemMessage({ content: 'Be brief.' }),
      new HumanMessage({ content: 'Hi' }),
      new SystemMessage({ content: 'Answer in French.' }),
    ]);
    expect(system).toBe('Be brief.\n\nAnswer in French.');
    expect(messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('merges consecutive turns of one side and leaves out empty ones, so the sides alternate', () => {
    const { system, messages } = toAnthropicConversation([
      new HumanMessage({ content: 'First.' }),
      new HumanMessage({ content: 'Second.' }),
      new AIMessage({ content: '' }),
      new AIMessage({ content: 'Answer.' }),
    ]);
    expect(system).toBeUndefined();
    expect(messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'First.' }, { type: 'text', text: 'Second.' }] },
      { role: 'assistant', content: 'Answer.' },
    ]);
  });

  it('sends tool calls without text as tool_use blocks only, and a result with parts as blocks', () => {
    const { messages } = toAnthropicConversation([
      new AIMessage({ content: '', toolCalls: [{ id: 'toolu_9', name: 'chart', args: {} }] }),
      new ToolMessage({ toolCallId: 'toolu_9', content: [{ type: 'image', data: 'AAAA', mimeType: 'image/png' }] }),
    ]);
    expect(messages).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_9', name: 'chart', input: {} }] },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }] }],
      },
    ]);
  });
});
