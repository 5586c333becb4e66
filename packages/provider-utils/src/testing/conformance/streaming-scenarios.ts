import { collect } from '@rivulet/core/testing';
import { splitText } from '../mock-server/split-text.js';
import { concatChunks, joinText } from './chunk-helpers.js';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

/** Text, usage, finish reasons and reasoning: what every reply is made of. */
export function streamingScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();

  it('streams each text delta as its own chunk, in order, and invoke gives the whole reply', async () => {
    const text = 'Rivers carve canyons slowly.';
    const { model } = await harness.start({ text, chunkSize: 4 });
    const chunks = await collect(model.stream('Tell me about rivers.'));
    expect(chunks.map((chunk) => chunk.content).filter((content) => content !== '')).toEqual(splitText(text, 4));
    expect((await model.invoke('Again, please.')).content).toBe(text);
  });

  it('reports usage as running totals and the finish reason with the raw one kept', async () => {
    const { model } = await harness.start({ text: 'Done.', usage: { inputTokens: 12, outputTokens: 5 } });
    const chunks = await collect(model.stream('hi'));
    const reply = concatChunks(chunks);
    expect(reply.usage).toMatchObject({ inputTokens: 12, outputTokens: 5, totalTokens: 17 });
    const reports = chunks.flatMap((chunk) => (chunk.usage === undefined ? [] : [chunk.usage]));
    expect(reports.length).toBeGreaterThan(0);
    // Running totals never shrink; deltas summed by a consumer would.
    const outputs = reports.map((usage) => usage.outputTokens);
    expect(outputs).toEqual([...outputs].sort((a, b) => a - b));
    for (const usage of reports) expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens);
    expect(reply.finishReason).toBe('stop');
    expect(reply.responseMetadata['finishReason']).toEqual(expect.any(String));
  });

  it('maps the token limit to `length`', async () => {
    const { model } = await harness.start({ text: 'The story goes on and', finishReason: 'length' });
    expect(await model.invoke('Tell a long story.')).toMatchObject({ content: 'The story goes on and', finishReason: 'length' });
  });

  // A wire that cannot say it (Ollama's) declares so in `finishReasons`: the scenario does not apply and is not registered.
  if (harness.target.finishReasons?.includes('content_filter') !== false) {
    it('maps a refusal to `content_filter`', async () => {
      const { model } = await harness.start({ text: 'I cannot help with that.', finishReason: 'content_filter' });
      expect((await model.invoke('Something forbidden.')).finishReason).toBe('content_filter');
    });
  }

  if (harness.target.reasoning !== false) {
    it('streams reasoning apart from the text, before it', async () => {
      const { model } = await harness.start({ reasoning: 'Let me think it through.', text: 'Done.', chunkSize: 4 });
      const chunks = await collect(model.stream('Think first.'));
      const reply = concatChunks(chunks);
      expect(reply.reasoning).toBe('Let me think it through.');
      expect(reply.content).toBe('Done.');
      const firstReasoning = chunks.findIndex((chunk) => Boolean(chunk.reasoning));
      expect(chunks.filter((chunk) => Boolean(chunk.reasoning)).length).toBeGreaterThan(1);
      expect(firstReasoning).toBeLessThan(chunks.findIndex((chunk) => chunk.content !== ''));
      expect(joinText(chunks)).toBe('Done.');
    });
  }
}
