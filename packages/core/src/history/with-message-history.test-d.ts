import { describe, expectTypeOf, it } from 'vitest';
import {
  InMemoryMessageStore,
  lambda,
  withMessageHistory,
  type AIMessageChunk,
  type HistoryInput,
  type Message,
  type MessageLike,
  type Runnable,
} from '@rivulet/core';

declare const model: Runnable<string | MessageLike | readonly MessageLike[], AIMessageChunk>;
declare const prompted: Runnable<{ history: MessageLike[]; question: string; tone: string }, AIMessageChunk>;
const store = new InMemoryMessageStore();

describe('withMessageHistory types', () => {
  it('takes a new turn for a runnable taking messages, keeping output and chunk types', () => {
    expectTypeOf(withMessageHistory(model, { store })).toEqualTypeOf<Runnable<HistoryInput, AIMessageChunk, AIMessageChunk>>();
    const text = lambda((messages: Message[]) => messages.length.toString());
    expectTypeOf(withMessageHistory(text, { store }).invoke('Hi')).resolves.toEqualTypeOf<string>();
  });

  it('leaves the history variable out of an object input', () => {
    const chat = withMessageHistory(prompted, { store, inputKey: 'question', historyKey: 'history' });
    expectTypeOf(chat).toEqualTypeOf<Runnable<Omit<{ history: MessageLike[]; question: string; tone: string }, 'history'>, AIMessageChunk, AIMessageChunk>>();
    void chat.invoke({ question: 'Q', tone: 'dry' });
    // @ts-expect-error the tone variable is still required
    void chat.invoke({ question: 'Q' });
    expectTypeOf(withMessageHistory(prompted, { store, inputKey: 'history' })).toEqualTypeOf<
      Runnable<{ history: MessageLike[]; question: string; tone: string }, AIMessageChunk, AIMessageChunk>
    >();
  });

  it('rejects keys the input does not have, and a history key without an input key', () => {
    // @ts-expect-error 'topic' is not a variable of the input
    withMessageHistory(prompted, { store, inputKey: 'topic' });
    // @ts-expect-error historyKey needs inputKey
    withMessageHistory(prompted, { store, historyKey: 'history' });
    // @ts-expect-error an object input needs inputKey
    withMessageHistory(prompted, { store });
    // @ts-expect-error a runnable taking a string cannot take the history
    withMessageHistory(lambda((text: string) => text), { store });
  });
});
