import { describe, expect, it } from 'vitest';
import { TestScheduler } from 'rxjs/testing';
import { AIMessageChunk, InputError, ProviderError, TimeoutError, TruncatedStreamError } from '@rivulet/core';
import { collect, settle } from '@rivulet/core/testing';
import { FakeChatModel } from '@rivulet/models/testing';
import { DEFAULT_IDLE_TIMEOUT_MS } from '@rivulet/models';

describe('ChatModel', () => {
  it('streams message chunks and invoke concatenates them into the whole reply', async () => {
    const model = new FakeChatModel('Hello there!', { chunkSize: 5 });
    const chunks = await collect(model.stream('hi'));
    expect(chunks.map((c) => c.content).join('')).toBe('Hello there!');
    const reply = await model.invoke('hi');
    expect(reply).toBeInstanceOf(AIMessageChunk);
    expect(reply.content).toBe('Hello there!');
    expect(reply.finishReason).toBe('stop');
    expect(reply.usage).toEqual({ inputTokens: 10, outputTokens: 3, totalTokens: 13 });
  });

  it('accepts OpenAI-style messages, tuples, message instances and strings', async () => {
    const model = new FakeChatModel('ok');
    await model.invoke([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
    await model.invoke(['human', 'a tuple']);
    await model.invoke('plain');
    expect(model.requests.map((r) => r.messages.map((m) => `${m.role}:${m.text}`))).toEqual([
      ['system:Be brief.', 'human:Hi'],
      ['human:a tuple'],
      ['human:plain'],
    ]);
    await expect(model.invoke([{ role: 'robot', content: 'x' }] as never)).rejects.toBeInstanceOf(InputError);
  });

  it('assembles streamed tool calls and reasoning', async () => {
    const model = new FakeChatModel({ reasoning: 'Think.', toolCalls: [{ name: 'search', args: { q: 'otters', n: 3 } }] }, { chunkSize: 2 });
    const reply = await model.invoke('find otters');
    expect(reply.reasoning).toBe('Think.');
    expect(reply.toolCalls).toEqual([{ id: 'call_0', name: 'search', args: { q: 'otters', n: 3 } }]);
    expect(reply.finishReason).toBe('tool_calls');
  });

  it('retries a failure before the first chunk, never after', async () => {
    const busy = new ProviderError('overloaded', { provider: 'fake', status: 503 });
    const retried = new FakeChatModel([{ error: busy }, 'second try'], { maxRetries: 2, retry: { initialDelayMs: 1 } });
    expect((await retried.invoke('x')).content).toBe('second try');
    expect(retried.requests).toHaveLength(2);

    const midway = new FakeChatModel([{ text: 'partial answer', error: busy, errorAfterChunks: 2 }, 'never'], {
      maxRetries: 2,
      retry: { initialDelayMs: 1 },
    });
    const { chunks, error } = await settle(midway.stream('x'));
    expect(chunks.map((c) => c.content).join('')).toBe('partial ');
    expect(error).toBe(busy);
    expect(midway.requests).toHaveLength(1);
  });

  it('does not retry errors the provider calls final', async () => {
    const unauthorized = new ProviderError('bad key', { provider: 'fake', status: 401 });
    const model = new FakeChatModel([{ error: unauthorized }, 'never'], { maxRetries: 2, retry: { initialDelayMs: 1 } });
    await expect(model.invoke('x')).rejects.toBe(unauthorized);
    expect(model.requests).toHaveLength(1);
  });

  it('fails with TruncatedStreamError carrying the partial reply when the stream ends without a finish reason', async () => {
    const model = new FakeChatModel({ text: 'cut short', truncate: true });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(((error as TruncatedStreamError).partial as AIMessageChunk).content).toBe('cut short');
  });

  it('fails a stalled stream with TimeoutError (idle), in virtual time', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ expectObservable }) => {
      const stalling = new FakeChatModel('abcdefgh', { chunkSize: 4, delayMs: 50, idleTimeout: 30, maxRetries: 0 });
      expectObservable(stalling.stream('x')).toBe('30ms #', undefined, new TimeoutError({ timeoutMs: 30, kind: 'idle' }));
      const steady = new FakeChatModel('abcd', { chunkSize: 4, delayMs: 20, idleTimeout: 30, maxRetries: 0 });
      expectObservable(steady.stream('x')).toBe(
        '20ms a 19ms b 19ms (c|)',
        {
          a: new AIMessageChunk({ content: 'abcd' }),
          b: new AIMessageChunk({ usage: { inputTokens: 10, outputTokens: 1, totalTokens: 11 } }),
          c: new AIMessageChunk({ finishReason: 'stop' }),
        },
      );
    });
  });

  it('bounds a silent provider by default (DEFAULT_IDLE_TIMEOUT_MS), and 0 turns the limit off', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ expectObservable }) => {
      const silent = new FakeChatModel('abcd', { chunkSize: 4, delayMs: DEFAULT_IDLE_TIMEOUT_MS + 1, maxRetries: 0 });
      expectObservable(silent.stream('x')).toBe(`${DEFAULT_IDLE_TIMEOUT_MS}ms #`, undefined, new TimeoutError({ timeoutMs: DEFAULT_IDLE_TIMEOUT_MS, kind: 'idle' }));
      const unbounded = new FakeChatModel('abcd', { delayMs: 700_000, idleTimeout: 0, maxRetries: 0 });
      expectObservable(unbounded.stream('x'), '^ 600000ms !').toBe('');
    });
  });

  it('plays long replies without growing the stack', async () => {
    const reply = await new FakeChatModel('x'.repeat(100_000), { chunkSize: 1 }).invoke('hi');
    expect(reply.content).toHaveLength(100_000);
  });

  it('derived models keep their class and provider', async () => {
    const fake = new FakeChatModel(['a', 'b']);
    const derived = fake.withOptions({ temperature: 0 }).bindTools([]);
    expect(derived).toBeInstanceOf(FakeChatModel);
    await derived.invoke('x');
    expect(derived.requests).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
    expect(derived.requests[0]!.params).toEqual({ temperature: 0 });
  });

  it('refuses n > 1 in a run and gives every choice with generate()', async () => {
    const model = new FakeChatModel('one reply', { n: 2 });
    await expect(model.invoke('x')).rejects.toBeInstanceOf(InputError);
  });
});
