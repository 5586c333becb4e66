import { describe, expect, it } from 'vitest';
import { AIMessage, InputError, checkSessionId, fromStoredMessage, human, toStoredMessages, type Message } from '@rivulet/core';
import { thrownBy } from '@rivulet/test-kit';

// The helpers a MessageStore is written with: every store (in memory, Redis) checks and keeps messages through them.
describe('the stored form of messages', () => {
  it('keeps each message as its JSON text and revives fresh instances with every field', () => {
    const reply = new AIMessage({ content: 'Lisbon.', toolCalls: [{ id: 'c1', name: 'weather', args: { city: 'Lisbon' } }], finishReason: 'tool_calls' });
    const stored = toStoredMessages([human('Where?'), reply]);
    expect(stored).toEqual([JSON.stringify(human('Where?')), JSON.stringify(reply)]);
    const [question, back] = stored.map(fromStoredMessage);
    expect(question?.text).toBe('Where?');
    expect(back).not.toBe(reply);
    expect(back?.toJSON()).toEqual(reply.toJSON());
  });

  it('converts none when one is not a message, naming its index', () => {
    const plain = { role: 'user', content: 'not an instance' } as unknown as Message;
    expect(() => toStoredMessages([human('ok'), plain])).toThrow(/Message 1 to store is not a message: got an object/);
    expect(() => toStoredMessages('hi' as unknown as Message[])).toThrow(InputError);
  });

  it('reads text that is not a message as InputError, whether or not it is JSON', () => {
    const notJson = thrownBy(() => fromStoredMessage('{"role":'));
    expect(InputError.isInstance(notJson) && notJson.message).toMatch(/stored message is not JSON/);
    expect(thrownBy(() => fromStoredMessage('{"role":"robot","content":"x"}'))).toSatisfy(InputError.isInstance);
  });

  it('takes a non-empty string as a session id, and refuses anything else with InputError', () => {
    expect(checkSessionId('ada')).toBe('ada');
    expect(() => checkSessionId('')).toThrow(/non-empty string, got an empty string/);
    expect(thrownBy(() => checkSessionId(42))).toSatisfy(InputError.isInstance);
  });
});
