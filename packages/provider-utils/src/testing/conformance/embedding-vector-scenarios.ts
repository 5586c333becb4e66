import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceHarness } from './embedding-conformance-harness.js';
import { batchLimit, sampleTexts } from './embedding-conformance-helpers.js';
import { vitest } from './vitest-api.js';

const byNumber = (a: number, b: number): number => a - b;

/** What every answer is made of: one vector per text, in order, batched by the provider's limit, with the usage summed. */
export function embeddingVectorScenarios<Request extends RecordedRequest>(harness: EmbeddingConformanceHarness<Request>): void {
  const { it, expect } = vitest();
  const textsOf = (request: Request): readonly string[] => harness.target.textsOf(request);

  it('embed gives a non-empty vector of numbers; the same text the same vector, another text another', async () => {
    const { model, server } = await harness.start({});
    const vector = await model.embed('a river in Norway');
    expect(Array.isArray(vector)).toBe(true);
    expect(vector.length).toBeGreaterThan(0);
    expect(vector.every((value) => typeof value === 'number' && Number.isFinite(value))).toBe(true);
    expect(await model.embed('a river in Norway')).toEqual(vector);
    expect(await model.embed('a desert in Chile')).not.toEqual(vector);
    expect(server.requests.map((request) => textsOf(request))).toEqual([['a river in Norway'], ['a river in Norway'], ['a desert in Chile']]);
  });

  it('embedMany of 2 × maxEmbeddingsPerCall + 1 texts makes three calls of consecutive texts, and keeps input order whatever order they finish in', async () => {
    // The first call to arrive answers last, so vectors put in the order the calls finished would come out shuffled.
    const { model, server } = await harness.start([{ headersDelayMs: 80, inputTokens: 2 }, { inputTokens: 3 }, { inputTokens: 4 }, {}, {}, {}, {}, {}]);
    const limit = batchLimit(model);
    const texts = sampleTexts(2 * limit + 1);
    const { embeddings, usage, metadata } = await model.embedMany(texts);
    expect(server.requests).toHaveLength(3);
    const batches = server.requests.map((request) => textsOf(request));
    const starts = batches.map((batch) => texts.indexOf(batch[0] ?? ''));
    batches.forEach((batch, i) => expect(batch).toEqual(texts.slice(starts[i], (starts[i] ?? 0) + batch.length)));
    expect([...starts].sort(byNumber)).toEqual([0, limit, 2 * limit]);
    expect(batches.map((batch) => batch.length).sort(byNumber)).toEqual([1, limit, limit]);
    expect(embeddings).toHaveLength(texts.length);
    // The first and last vector of every batch is the one its text gets alone: batches neither swapped nor reversed.
    for (const at of new Set([0, limit - 1, limit, 2 * limit - 1, 2 * limit])) expect(embeddings[at]).toEqual(await model.embed(texts[at] ?? ''));
    expect(metadata).toHaveLength(3);
    // Reported usage is summed over the calls; a provider that reports none gets no made-up count.
    expect(usage).toEqual(harness.target.usage === false ? undefined : { inputTokens: 2 + 3 + 4 });
  });

  it('embedMany of no texts resolves to no vectors without a request', async () => {
    const { model, server } = await harness.start({});
    const result = await model.embedMany([]);
    expect(result.embeddings).toEqual([]);
    expect(result.metadata).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
}
