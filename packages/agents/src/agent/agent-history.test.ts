import { describe, expect, it } from 'vitest';
import { InMemoryMessageStore, withMessageHistory } from '@rivulet/core';
import { createAgent } from './create-agent.js';
import { byTurn, sentMessages, useMockModel, weather } from './test-support/use-mock-model.js';

const mock = useMockModel();

describe('an agent with withMessageHistory', () => {
  it('remembers the conversation per session: each turn stores the question and every message of the run', async () => {
    const model = await mock.start(
      byTurn([{ toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }] }, { text: 'Sunny in Oslo.' }, { text: 'You asked about Oslo.' }]),
    );
    const store = new InMemoryMessageStore();
    const agent = withMessageHistory(createAgent({ model, tools: [weather], instructions: 'Be brief.' }), { store });
    const session = { configurable: { sessionId: 'ada' } };

    expect((await agent.invoke('Weather in Oslo?', session)).text).toBe('Sunny in Oslo.');
    expect((await store.getMessages('ada')).map((m) => m.role)).toEqual(['human', 'ai', 'tool', 'ai']);
    expect((await agent.invoke('Which city did I ask about?', session)).text).toBe('You asked about Oslo.');
    expect(sentMessages(mock.server().requests[2])).toEqual([
      'system: Be brief.',
      'user: Weather in Oslo?',
      'assistant: null calls weather',
      'tool [call_1]: sunny in Oslo',
      'assistant: Sunny in Oslo.',
      'user: Which city did I ask about?',
    ]);
    expect(await store.getMessages('ada')).toHaveLength(6);
  });
});
