import { describe, expect, expectTypeOf, it } from 'vitest';
import { AIMessageChunk, isReplyChunk, isReplyEnd, lambda, type RunEvent, type Usage } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';

/** A stand-in model: two reply chunks, the last with usage. */
const model = lambda(async function* (_: string) {
  yield new AIMessageChunk({ content: 'Hel' });
  yield new AIMessageChunk({ content: 'lo', usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 }, finishReason: 'stop' });
}, { name: 'model' });
const chain = lambda((topic: string) => `About ${topic}`, { name: 'prompt' }).pipe(model).pipe(lambda((reply: AIMessageChunk) => reply.text.length, { name: 'length' }));

describe('reading model replies from events', () => {
  it('isReplyEnd picks the steps whose output is a reply, typed, with its usage', async () => {
    const events = await collect(chain.streamEvents('rivers'));
    const ends = events.filter(isReplyEnd);
    expect(ends.map((event) => event.name)).toEqual(['model']);
    expect(ends[0]!.data.output.usage).toEqual({ inputTokens: 3, outputTokens: 2, totalTokens: 5 });
    expect(ends[0]!.data.output.text).toBe('Hello');
    // The other ends (a string, a number, the sequence's number) are not replies.
    expect(events.filter((event) => event.type === 'end')).toHaveLength(4);
  });

  it('isReplyChunk picks the reply chunks, typed', async () => {
    const events = await collect(chain.streamEvents('rivers'));
    expect(events.filter(isReplyChunk).map((event) => event.data.chunk.text)).toEqual(['Hel', 'lo']);
  });

  it('narrows the event type in callbacks, no cast needed', async () => {
    const usages: (Usage | undefined)[] = [];
    await chain.invoke('rivers', { callbacks: { onEnd: (event) => void (isReplyEnd(event) && usages.push(event.data.output.usage)) } });
    expect(usages).toEqual([{ inputTokens: 3, outputTokens: 2, totalTokens: 5 }]);
    const event = {} as RunEvent;
    if (isReplyEnd(event)) expectTypeOf(event.data.output).toEqualTypeOf<AIMessageChunk>();
    if (isReplyChunk(event)) expectTypeOf(event.data.chunk).toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(event.data).not.toEqualTypeOf<{ readonly output: AIMessageChunk }>();
  });
});
