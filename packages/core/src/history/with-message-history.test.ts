import { Subject } from 'rxjs';
import { nextTurn } from '@rivulet/test-kit';
import { describe, expect, it } from 'vitest';
import {
  AIMessage,
  AIMessageChunk,
  AbortError,
  InMemoryMessageStore,
  InputError,
  ai,
  coerceMessages,
  human,
  isAIMessageChunk,
  lambda,
  system,
  withMessageHistory,
  type Message,
  type MessageLike,
  type MessageStore,
} from '@rivulet/core';
import { collect, eventTrace, settle } from '@rivulet/core/testing';

/** A stand-in for a chat model: answers with what it was sent, and records it. */
function echoModel() {
  const calls: Message[][] = [];
  const model = lambda(
    (messages: Message[]) => {
      calls.push(messages);
      return new AIMessageChunk({ content: `${messages.length} messages, last: ${messages.at(-1)?.text ?? ''}`, finishReason: 'stop' });
    },
    { name: 'echo' },
  );
  return { model, calls };
}

/** A stand-in model whose chunks and end the test drives, one run at a time. */
function drivenModel() {
  const runs: { messages: Message[]; chunks: Subject<AIMessageChunk> }[] = [];
  const model = lambda((messages: Message[]) => {
    const chunks = new Subject<AIMessageChunk>();
    runs.push({ messages, chunks });
    return chunks.asObservable();
  });
  return { model, runs };
}

/** A store that records calls, to check what was (not) read or written. */
class RecordingStore extends InMemoryMessageStore {
  readonly calls: string[] = [];
  override getMessages(sessionId: string) {
    this.calls.push(`get ${sessionId}`);
    return super.getMessages(sessionId);
  }
  override addMessages(sessionId: string, messages: readonly Message[]) {
    this.calls.push(`add ${sessionId} ${messages.length}`);
    return super.addMessages(sessionId, messages);
  }
}

const session = (sessionId: string) => ({ configurable: { sessionId } });
const texts = (messages: readonly Message[]) => messages.map((m) => `${m.role}: ${m.text}`);
/** Lets pending promise callbacks (a store read) run. */
const flush = nextTurn;

describe('withMessageHistory over a runnable taking messages', () => {
  it('gives the model the past turns and appends the new input and the reply', async () => {
    const store = new InMemoryMessageStore();
    const { model, calls } = echoModel();
    const chat = withMessageHistory(model, { store });

    await chat.invoke('My name is Ada.', session('ada'));
    const reply = await chat.invoke([human('What is my name?')], session('ada'));

    expect(texts(calls[1]!)).toEqual(['human: My name is Ada.', 'ai: 1 messages, last: My name is Ada.', 'human: What is my name?']);
    expect(reply.text).toBe('3 messages, last: What is my name?');
    expect(texts(await store.getMessages('ada'))).toEqual([
      'human: My name is Ada.',
      'ai: 1 messages, last: My name is Ada.',
      'human: What is my name?',
      'ai: 3 messages, last: What is my name?',
    ]);
  });

  it('keeps sessions apart', async () => {
    const store = new InMemoryMessageStore();
    const { model, calls } = echoModel();
    const chat = withMessageHistory(model, { store });

    await chat.invoke('I am Ada.', session('ada'));
    await chat.invoke('I am Grace.', session('grace'));
    await chat.invoke('Who am I?', session('grace'));

    expect(texts(calls[2]!)).toEqual(['human: I am Grace.', 'ai: 1 messages, last: I am Grace.', 'human: Who am I?']);
    expect(texts(await store.getMessages('ada'))).toEqual(['human: I am Ada.', 'ai: 1 messages, last: I am Ada.']);
    expect(await store.getMessages('nobody')).toEqual([]);
  });

  it('stores a streamed reply as the complete AIMessage, tool calls, usage and finish reason kept', async () => {
    const store = new InMemoryMessageStore();
    const model = lambda(async function* (_messages: Message[]) {
      yield new AIMessageChunk({ content: 'Let me ', responseMetadata: { id: 'r1' } });
      yield new AIMessageChunk({ content: 'check.', toolCallChunks: [{ index: 0, id: 'call_1', name: 'weather', argsText: '{"city":' }] });
      yield new AIMessageChunk({ toolCallChunks: [{ index: 0, argsText: '"Oslo"}' }] });
      yield new AIMessageChunk({ usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 }, finishReason: 'tool_calls' });
    });
    await withMessageHistory(model, { store }).invoke('Weather in Oslo?', session('s'));

    const [, reply] = await store.getMessages('s');
    expect(isAIMessageChunk(reply)).toBe(false);
    expect(reply).toBeInstanceOf(AIMessage);
    expect((reply as AIMessage).toJSON()).toEqual({
      role: 'ai',
      content: 'Let me check.',
      toolCalls: [{ id: 'call_1', name: 'weather', args: { city: 'Oslo' } }],
      usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 },
      responseMetadata: { id: 'r1' },
      finishReason: 'tool_calls',
    });
  });

  it('streams chunks as they come and appends only once the run completed', async () => {
    const store = new InMemoryMessageStore();
    const { model, runs } = drivenModel();
    const received: string[] = [];
    let completed = false;
    withMessageHistory(model, { store })
      .stream('Hi', session('s'))
      .subscribe({ next: (chunk) => received.push(chunk.text), complete: () => (completed = true) });
    await flush(); // the store is read, then the model runs

    runs[0]!.chunks.next(new AIMessageChunk('Hel'));
    expect(received).toEqual(['Hel']);
    runs[0]!.chunks.next(new AIMessageChunk('lo'));
    expect(received).toEqual(['Hel', 'lo']);
    expect(await store.getMessages('s')).toEqual([]);

    runs[0]!.chunks.complete();
    await flush();
    expect(completed).toBe(true);
    expect(texts(await store.getMessages('s'))).toEqual(['human: Hi', 'ai: Hello']);
  });

  it('appends nothing for a failed run', async () => {
    const store = new InMemoryMessageStore();
    await store.addMessages('s', [human('before'), ai('kept')]);
    const failing = lambda(async function* (_messages: Message[]) {
      yield new AIMessageChunk('partial ');
      throw new Error('provider down');
    });
    const { chunks, error } = await settle(withMessageHistory(failing, { store }).stream('Hi', session('s')));

    expect(chunks.map((c) => c.text)).toEqual(['partial ']);
    expect((error as Error).message).toBe('provider down');
    expect(texts(await store.getMessages('s'))).toEqual(['human: before', 'ai: kept']);
  });

  it('appends nothing for a run aborted mid-stream', async () => {
    const store = new InMemoryMessageStore();
    const { model, runs } = drivenModel();
    const controller = new AbortController();
    const outcome = settle(withMessageHistory(model, { store }).stream('Hi', { ...session('s'), signal: controller.signal }));
    await flush();
    runs[0]!.chunks.next(new AIMessageChunk('Hel'));
    controller.abort();
    runs[0]!.chunks.complete(); // too late: the run is over

    const { chunks, error } = await outcome;
    expect(chunks.map((c) => c.text)).toEqual(['Hel']);
    expect(AbortError.isInstance(error)).toBe(true);
    await flush();
    expect(await store.getMessages('s')).toEqual([]);
  });

  it('appends nothing when the consumer stops reading', async () => {
    const store = new InMemoryMessageStore();
    const { model, runs } = drivenModel();
    const iterator = withMessageHistory(model, { store }).stream('Hi', session('s'))[Symbol.asyncIterator]();
    const first = iterator.next();
    await flush();
    runs[0]!.chunks.next(new AIMessageChunk('Hel'));
    expect((await first).value?.text).toBe('Hel');
    await iterator.return?.();
    runs[0]!.chunks.complete();
    await flush();
    expect(await store.getMessages('s')).toEqual([]);
  });

  it('fails with InputError naming sessionId when there is no session, reading and running nothing', async () => {
    const store = new RecordingStore();
    const { model, calls } = echoModel();
    const chat = withMessageHistory(model, { store });

    const missing = await chat.invoke('Hi').catch((e: unknown) => e);
    expect(InputError.isInstance(missing)).toBe(true);
    expect((missing as InputError).message).toMatch(/configurable: \{ sessionId/);
    expect((missing as InputError).variables).toEqual(['sessionId']);
    const empty = await chat.invoke('Hi', session('')).catch((e: unknown) => e);
    expect((empty as InputError).message).toMatch(/sessionId.*empty string/);
    expect(store.calls).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('rejects an input that is not messages before anything is read', async () => {
    const store = new RecordingStore();
    const chat = withMessageHistory(echoModel().model, { store });
    const error = await chat.invoke([{ role: 'robot', content: 'beep' }] as unknown as MessageLike[], session('s')).catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect(store.calls).toEqual([]);
  });

  it('appends concurrent turns of one session in the order they complete, each turn together', async () => {
    const store = new InMemoryMessageStore();
    const { model, runs } = drivenModel();
    const chat = withMessageHistory(model, { store });
    const first = chat.invoke('first', session('s'));
    const second = chat.invoke('second', session('s'));
    await flush();
    // Both started from the same (empty) history.
    expect(runs.map((run) => texts(run.messages))).toEqual([['human: first'], ['human: second']]);

    runs[1]!.chunks.next(new AIMessageChunk('reply to second'));
    runs[1]!.chunks.complete();
    await second;
    runs[0]!.chunks.next(new AIMessageChunk('reply to first'));
    runs[0]!.chunks.complete();
    await first;

    expect(texts(await store.getMessages('s'))).toEqual(['human: second', 'ai: reply to second', 'human: first', 'ai: reply to first']);
  });

  it('nests the wrapped runnable in the run events', async () => {
    const chat = withMessageHistory(echoModel().model, { store: new InMemoryMessageStore() });
    const events = await collect(chat.streamEvents('Hi', session('s')));
    expect(eventTrace(events)).toEqual(['start:withMessageHistory', 'start:echo', 'end:echo', 'end:withMessageHistory']);
    expect(events[1]!.parentRunId).toBe(events[0]!.runId);
  });

  it('fails the run, and stores nothing, when the store cannot append', async () => {
    const store: MessageStore = {
      getMessages: () => Promise.resolve([]),
      addMessages: () => Promise.reject(new Error('store unavailable')),
      clear: () => Promise.resolve(),
    };
    const { chunks, error } = await settle(withMessageHistory(echoModel().model, { store }).stream('Hi', session('s')));
    expect(chunks).toHaveLength(1);
    expect((error as Error).message).toBe('store unavailable');
  });
});

describe('withMessageHistory over a runnable taking an object', () => {
  /** A stand-in for `chatPrompt([['system', ...], placeholder('history'), ['human', '{question}']])`. */
  const prompt = lambda((vars: { history: MessageLike[]; question: string; tone: string }) => [
    system(`Answer in a ${vars.tone} tone.`),
    ...coerceMessages(vars.history),
    human(`Q: ${vars.question}`),
  ]);

  it('fills the history variable and stores the raw new message', async () => {
    const store = new InMemoryMessageStore();
    const { model, calls } = echoModel();
    const chat = withMessageHistory(prompt.pipe(model), { store, inputKey: 'question', historyKey: 'history' });

    await chat.invoke({ question: 'Rain in April?', tone: 'dry' }, session('s'));
    await chat.invoke({ question: 'And in May?', tone: 'dry' }, session('s'));

    expect(texts(calls[1]!)).toEqual([
      'system: Answer in a dry tone.',
      'human: Rain in April?',
      'ai: 2 messages, last: Q: Rain in April?',
      'human: Q: And in May?',
    ]);
    // The variable's value is stored, not the templated prompt line, nor the system message.
    expect(texts(await store.getMessages('s'))).toEqual([
      'human: Rain in April?',
      'ai: 2 messages, last: Q: Rain in April?',
      'human: And in May?',
      'ai: 4 messages, last: Q: And in May?',
    ]);
  });

  it('without historyKey, puts the history before the new messages in the input variable', async () => {
    const store = new InMemoryMessageStore();
    await store.addMessages('s', [human('Hi'), ai('Hello')]);
    const { model, calls } = echoModel();
    const byKey = lambda((vars: { messages: MessageLike[] }) => coerceMessages(vars.messages)).pipe(model);
    await withMessageHistory(byKey, { store, inputKey: 'messages' }).invoke({ messages: [['human', 'Bye']] }, session('s'));
    expect(texts(calls[0]!)).toEqual(['human: Hi', 'ai: Hello', 'human: Bye']);
    expect(texts(await store.getMessages('s'))).toEqual(['human: Hi', 'ai: Hello', 'human: Bye', 'ai: 3 messages, last: Bye']);
  });

  it('rejects an input without the input variable, or with the history variable set', async () => {
    const store = new RecordingStore();
    const chat = withMessageHistory(prompt.pipe(echoModel().model), { store, inputKey: 'question', historyKey: 'history' });
    const missing = await chat.invoke({ tone: 'dry' } as { question: string; tone: string }, session('s')).catch((e: unknown) => e);
    expect(InputError.isInstance(missing) && missing.variables).toEqual(['question']);
    const given = await chat
      .invoke({ question: 'Q', tone: 'dry', history: [] } as { question: string; tone: string }, session('s'))
      .catch((e: unknown) => e);
    expect(InputError.isInstance(given) && given.message).toMatch(/"history" variable is filled from the message store/);
    expect(store.calls).toEqual([]);
  });

  it('says at construction that historyKey needs inputKey', () => {
    const options = { store: new InMemoryMessageStore(), historyKey: 'history' } as unknown as { store: MessageStore; inputKey: 'question' };
    expect(() => withMessageHistory(prompt, options)).toThrow(/historyKey "history" needs an inputKey/);
  });
});

describe('what an output adds to the history', () => {
  const store = new InMemoryMessageStore();
  const run = (output: unknown, sessionId: string) =>
    withMessageHistory(
      lambda((_messages: Message[]) => output),
      { store },
    ).invoke('Hi', session(sessionId));

  it('a string becomes an AIMessage', async () => {
    await run('plain text', 'string');
    expect(texts(await store.getMessages('string'))).toEqual(['human: Hi', 'ai: plain text']);
  });

  it('a list of messages, or an object with a messages list, adds those', async () => {
    await run([ai({ toolCalls: [{ id: 'c1', name: 'f', args: {} }] }), new AIMessage('done')], 'list');
    await run({ text: 'done', messages: [ai('step'), ai('done')] }, 'agent');
    expect(texts(await store.getMessages('list'))).toEqual(['human: Hi', 'ai: ', 'ai: done']);
    expect(texts(await store.getMessages('agent'))).toEqual(['human: Hi', 'ai: step', 'ai: done']);
  });

  it('anything else fails the run with InputError and stores nothing', async () => {
    const error = await run({ answer: 42 }, 'object').catch((e: unknown) => e);
    expect(InputError.isInstance(error) && error.message).toMatch(/cannot store an output that is an object/);
    expect(await store.getMessages('object')).toEqual([]);
  });
});

describe('InMemoryMessageStore', () => {
  it('stores copies: changing the arrays passed or returned changes nothing', async () => {
    const store = new InMemoryMessageStore();
    const messages: Message[] = [human('one')];
    await store.addMessages('s', messages);
    messages.push(human('sneaked in'));
    const read = await store.getMessages('s');
    read.push(human('also sneaked in'));
    expect(texts(await store.getMessages('s'))).toEqual(['human: one']);
  });

  it('gives back what a JSON round trip gives back, as a shared store would', async () => {
    const store = new InMemoryMessageStore();
    const reply = new AIMessage({
      content: [{ type: 'text', text: 'See the ' }, { type: 'text', text: 'map.' }],
      toolCalls: [{ id: 'c1', name: 'map', args: { city: 'Oslo', zoom: 3 } }],
      usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
      responseMetadata: { citations: ['https://example.org/'] },
      finishReason: 'stop',
    });
    await store.addMessages('s', [system('Be brief.'), reply]);
    const [, back] = await store.getMessages('s');
    expect(back).not.toBe(reply);
    expect(back!.toJSON()).toEqual(JSON.parse(JSON.stringify(reply)));
  });

  it('rejects what is not a message, storing none of the batch; clear forgets a session', async () => {
    const store = new InMemoryMessageStore();
    const error = await store.addMessages('s', [human('ok'), { role: 'user', content: 'not an instance' } as unknown as Message]).catch((e: unknown) => e);
    expect(InputError.isInstance(error) && error.message).toMatch(/Message 1 to store is not a message/);
    expect(await store.getMessages('s')).toEqual([]);
    await store.addMessages('s', [human('ok')]);
    await store.clear('s');
    expect(await store.getMessages('s')).toEqual([]);
    await expect(store.getMessages('')).rejects.toThrow(/non-empty string/);
  });
});
