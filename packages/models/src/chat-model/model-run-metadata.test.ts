import { describe, expect, it } from 'vitest';
import { lambda, modelRunMetadataKey, type RunEvent } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { FakeChatModel, FakeEmbeddingModel } from '@rivulet/models/testing';

const described = (event: RunEvent): unknown => event.metadata[modelRunMetadataKey];
const eventsOf = collect<RunEvent>;

describe('a model describes its runs in their metadata', () => {
  it('every event of a chat model run carries rivulet.model: provider, model and the sampling options that are set', async () => {
    const model = new FakeChatModel('Hi there', { temperature: 0, maxTokens: 50, stop: ['END'], name: 'writer' });
    const events = await eventsOf(model.streamEvents('Hello'));
    expect(modelRunMetadataKey).toBe('rivulet.model');
    expect([events[0]!.type, events.at(-1)!.type, new Set(events.map((event) => event.name))]).toEqual(['start', 'end', new Set(['writer'])]);
    expect(described(events[0]!)).toEqual({ provider: 'fake', model: 'fake-model', params: { temperature: 0, maxTokens: 50, stop: ['END'] } });
    // One frozen object for the model: the same on every event, so a step inheriting it is told apart by identity.
    expect(new Set(events.map(described)).size).toBe(1);
    expect(Object.isFrozen(described(events[0]!))).toBe(true);
    expect(Object.isFrozen((described(events[0]!) as { params: object }).params)).toBe(true);
  });

  it('only the model run has it, not the steps around it; run metadata from the caller merges in', async () => {
    const prompt = lambda((topic: string) => `About ${topic}`, { name: 'prompt' });
    const events = await eventsOf(prompt.pipe(new FakeChatModel('ok')).streamEvents('rivers', { metadata: { user: 'u1' } }));
    const byName = (name: string) => events.find((event) => event.type === 'start' && event.name === name)!;
    expect(byName('sequence').metadata).toEqual({ user: 'u1' });
    expect(byName('prompt').metadata).toEqual({ user: 'u1' });
    expect(byName('fake:fake-model').metadata).toEqual({ user: 'u1', 'rivulet.model': { provider: 'fake', model: 'fake-model', params: {} } });
  });

  it('follows the options of derived models, and n for several choices', async () => {
    const model = new FakeChatModel('ok', { temperature: 0 });
    const [warmer] = await eventsOf(model.withOptions({ temperature: 0.9, topP: 0.5 }).streamEvents('x'));
    expect(described(warmer!)).toEqual({ provider: 'fake', model: 'fake-model', params: { temperature: 0.9, topP: 0.5 } });
    const seen: RunEvent[] = [];
    await model.generate('x', { n: 2, callbacks: { onEvent: (event: RunEvent) => seen.push(event) } });
    expect(described(seen[0]!)).toEqual({ provider: 'fake', model: 'fake-model', params: { temperature: 0, n: 2 } });
  });

  it('a retry around the model is not described, each attempt is; withConfig keeps the description', async () => {
    const retried = new FakeChatModel('ok').withRetry({ maxAttempts: 2 });
    const events = await eventsOf(retried.streamEvents('x'));
    const starts = events.filter((event) => event.type === 'start');
    expect(starts.map((event) => [event.parentRunId === undefined ? 'outer' : 'attempt', described(event) !== undefined])).toEqual([
      ['outer', false],
      ['attempt', true],
    ]);
    const configured = await eventsOf(new FakeChatModel('ok').withConfig({ tags: ['t'], metadata: { user: 'u1' } }).streamEvents('x'));
    expect(configured[0]!.metadata).toEqual({ user: 'u1', 'rivulet.model': { provider: 'fake', model: 'fake-model', params: {} } });
  });

  it('an embedding model describes its runs with the embeddings operation, embed and embedMany alike', async () => {
    const embedder = new FakeEmbeddingModel({ dimensions: 4 });
    const events = await eventsOf(embedder.streamEvents('a river'));
    expect(described(events[0]!)).toEqual({ provider: 'fake', model: 'fake-embedding', operation: 'embeddings' });
    const seen: RunEvent[] = [];
    await embedder.embedMany(['a', 'b'], { callbacks: { onEvent: (event: RunEvent) => seen.push(event) } });
    expect(described(seen[0]!)).toEqual(described(events[0]!));
  });
});
