import { describe, expect, it } from 'vitest';
import { collect } from '@rivulet/core/testing';
import type { AIMessageChunk } from '@rivulet/core';
import { useResponsesModel } from './test-support/use-responses-model.js';

const mock = useResponsesModel();
const text = (chunks: readonly AIMessageChunk[]): string => chunks.map((chunk) => chunk.content).join('');
const concat = (chunks: readonly AIMessageChunk[]): AIMessageChunk => chunks.reduce((a, b) => a.concat(b));

describe('OpenAIResponsesModel streams the Responses API over the real openai SDK and HTTP', () => {
  it('streams output_text deltas as chunks; response.created gives id and model; completed gives usage and stop', async () => {
    const model = await mock.model({ text: 'Rivers carve canyons.', chunkSize: 4, usage: { promptTokens: 12, completionTokens: 5, cachedPromptTokens: 4 } });
    const chunks = await collect(model.stream('Tell me about rivers.'));
    expect(chunks.map((chunk) => chunk.content).filter(Boolean)).toEqual(['Rive', 'rs c', 'arve', ' can', 'yons', '.']);
    const reply = concat(chunks);
    expect(reply.content).toBe('Rivers carve canyons.');
    expect(reply.usage).toEqual({ inputTokens: 12, outputTokens: 5, totalTokens: 17, cachedInputTokens: 4, reasoningTokens: 0 });
    expect(reply.finishReason).toBe('stop');
    expect(reply.responseMetadata).toMatchObject({ id: 'resp_mock0', model: 'gpt-test', finishReason: 'completed' });
  });

  it('streams the reasoning summary as reasoning, before the text, with reasoning tokens', async () => {
    const model = await mock.model({ reasoning: 'Water flows downhill.', text: 'Done.', usage: { reasoningTokens: 7 } });
    const chunks = await collect(model.stream('Think first.'));
    const reasoningChunks = chunks.filter((chunk) => chunk.reasoning);
    expect(reasoningChunks.length).toBeGreaterThan(1);
    expect(chunks.indexOf(reasoningChunks[0]!)).toBeLessThan(chunks.findIndex((chunk) => chunk.content !== ''));
    const reply = concat(chunks);
    expect(reply).toMatchObject({ reasoning: 'Water flows downhill.', content: 'Done.' });
    expect(reply.usage?.reasoningTokens).toBe(7);
  });

  it('streams function calls keyed by call_id, with growing partialArgs, and finishes with tool_calls', async () => {
    const model = await mock.model({
      text: 'Checking.',
      toolCalls: [
        { id: 'call_oslo', name: 'weather', arguments: '{"city":"Oslo","days":3}' },
        { id: 'call_rome', name: 'weather', arguments: '{"city":"Rome"}' },
      ],
      chunkSize: 4,
    });
    const weather = { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'number' } } } };
    const chunks = await collect(model.bindTools([weather]).stream('Weather?'));
    const fragments = chunks.flatMap((chunk) => chunk.toolCallChunks);
    expect([...new Set(fragments.map((fragment) => fragment.id))]).toEqual(['call_oslo', 'call_rome']);
    const oslo = fragments.filter((fragment) => fragment.index === fragments[0]!.index).flatMap((fragment) => (fragment.partialArgs === undefined ? [] : [fragment.partialArgs]));
    expect(oslo).toContainEqual({ city: 'Osl' });
    expect(oslo.at(-1)).toEqual({ city: 'Oslo', days: 3 });
    const reply = concat(chunks);
    expect(reply.toolCalls).toEqual([
      { id: 'call_oslo', name: 'weather', args: { city: 'Oslo', days: 3 } },
      { id: 'call_rome', name: 'weather', args: { city: 'Rome' } },
    ]);
    expect(reply).toMatchObject({ content: 'Checking.', finishReason: 'tool_calls' });
  });

  it('maps response.incomplete by its reason: max_output_tokens is length, content_filter is content_filter', async () => {
    const model = await mock.model([
      { text: 'The story goes on and', finishReason: 'length' },
      { text: 'I cannot', finishReason: 'content_filter' },
    ]);
    const cut = await model.invoke('A long story.');
    expect(cut).toMatchObject({ content: 'The story goes on and', finishReason: 'length', responseMetadata: { finishReason: 'max_output_tokens' } });
    const filtered = await model.invoke('Something forbidden.');
    expect(filtered).toMatchObject({ finishReason: 'content_filter', responseMetadata: { finishReason: 'content_filter' } });
  });

  it('works offline without a script: the mock echoes the last user input', async () => {
    const model = await mock.model(undefined as never);
    const chunks = await collect(model.stream([{ role: 'user', content: 'Hello river' }]));
    expect(text(chunks)).toBe('You said: Hello river');
  });
});
