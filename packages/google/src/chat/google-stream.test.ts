import { AIMessageChunk } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { googleTestServer } from '../test-support/google-test-server.js';

const weather = { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } };

function concat(chunks: readonly AIMessageChunk[]): AIMessageChunk {
  return chunks.reduce((message, chunk) => message.concat(chunk), new AIMessageChunk());
}

describe('GoogleChatModel: the streamed reply', () => {
  it('streams text parts as content and thought parts as reasoning, in order', async () => {
    const { model } = await googleTestServer({ thoughts: 'Rivers erode.', text: 'Canyons form.', chunkSize: 5 });
    const chunks = await collect(model.stream('Why canyons?'));
    expect(chunks.map((chunk) => chunk.reasoning ?? '').filter(Boolean)).toEqual(['River', 's ero', 'de.']);
    expect(chunks.map((chunk) => chunk.content).filter(Boolean)).toEqual(['Canyo', 'ns fo', 'rm.']);
    expect(concat(chunks)).toMatchObject({ reasoning: 'Rivers erode.', content: 'Canyons form.', finishReason: 'stop' });
  });

  it('maps function calls, which arrive whole, to tool calls with unique made-up ids, or the API ids when sent', async () => {
    const calls = [
      { name: 'weather', args: { city: 'Oslo' } },
      { name: 'weather', args: { city: 'Rome' } },
      { name: 'weather', args: { city: 'Lima' }, id: 'fc_api_1' },
    ];
    const { model } = await googleTestServer({ text: 'Checking.', functionCalls: calls });
    const first = await model.bindTools([weather]).invoke('Weather?');
    const second = await model.bindTools([weather]).invoke('Again?');
    expect(first.finishReason).toBe('tool_calls');
    expect(first.responseMetadata['finishReason']).toBe('STOP');
    expect(first.content).toBe('Checking.');
    expect(first.toolCalls.map(({ name, args }) => ({ name, args }))).toEqual(calls.map(({ name, args }) => ({ name, args })));
    expect(first.toolCalls[2]?.id).toBe('fc_api_1');
    const ids = [...first.toolCalls, ...second.toolCalls].map((call) => call.id).filter((id) => id !== 'fc_api_1');
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^gemini-call-/);
  });

  it('keeps the thought signature of a call in responseMetadata, and sends it back with the call', async () => {
    const { model, server } = await googleTestServer([
      { functionCalls: [{ name: 'weather', args: { city: 'Oslo' } }, { name: 'weather', args: { city: 'Rome' } }], thoughtSignature: 'c2lnLTE=' },
      { text: 'Sunny.' },
    ]);
    const withTools = model.bindTools([weather]);
    const reply = await withTools.invoke('Weather?');
    const [oslo, rome] = reply.toolCalls;
    expect(reply.responseMetadata['thoughtSignatures']).toEqual({ [oslo!.id]: 'c2lnLTE=' });
    await withTools.invoke([
      { role: 'user', content: 'Weather?' },
      reply,
      { role: 'tool', toolCallId: oslo!.id, content: 'sunny' },
      { role: 'tool', toolCallId: rome!.id, content: 'rainy' },
    ]);
    expect(server.requests[1]?.body?.contents?.[1]?.parts).toEqual([
      { functionCall: { name: 'weather', args: { city: 'Oslo' } }, thoughtSignature: 'c2lnLTE=' },
      { functionCall: { name: 'weather', args: { city: 'Rome' } } },
    ]);
  });

  it('reports usage: thoughts in output and as reasoning, tool-use prompt in input, cached tokens, Google total kept', async () => {
    const { model } = await googleTestServer({
      text: 'Done.',
      usage: { promptTokenCount: 100, candidatesTokenCount: 20, thoughtsTokenCount: 30, cachedContentTokenCount: 64, toolUsePromptTokenCount: 5 },
    });
    const chunks = await collect(model.stream('x'));
    const reports = chunks.flatMap((chunk) => (chunk.usage === undefined ? [] : [chunk.usage]));
    // Every chunk repeats the prompt count (the mock's early chunks carry only it); only changes are passed on.
    expect(reports).toEqual([
      { inputTokens: 100, outputTokens: 0, totalTokens: 100 },
      { inputTokens: 105, outputTokens: 50, totalTokens: 155, reasoningTokens: 30, cachedInputTokens: 64 },
    ]);
  });

  it.each([
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['CONTINUATION', 'length'],
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['BLOCKLIST', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['SPII', 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['UNEXPECTED_TOOL_CALL', 'error'],
    ['OTHER', 'other'],
    ['LANGUAGE', 'other'],
    ['SOMETHING_NEW', 'other'],
  ])('maps finishReason %s to %s, keeping the raw one', async (raw, mapped) => {
    const { model } = await googleTestServer({ text: 'abc', finishReason: raw });
    const reply = await model.invoke('x');
    expect(reply.finishReason).toBe(mapped);
    expect(reply.responseMetadata['finishReason']).toBe(raw);
  });

  it('a prompt blocked by promptFeedback finishes with content_filter and says why in responseMetadata', async () => {
    const { model } = await googleTestServer({ blockReason: 'PROHIBITED_CONTENT' });
    const reply = await model.invoke('something forbidden');
    expect(reply).toMatchObject({ content: '', finishReason: 'content_filter' });
    expect(reply.responseMetadata).toMatchObject({ finishReason: 'PROHIBITED_CONTENT', promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } });
  });

  it('passes response id, model version, grounding and citation metadata on as responseMetadata', async () => {
    const groundingMetadata = { webSearchQueries: ['rivers of Norway'], groundingChunks: [{ web: { uri: 'https://example.com/glomma', title: 'Glomma' } }] };
    const citationMetadata = { citations: [{ startIndex: 0, endIndex: 5, uri: 'https://example.com/source' }] };
    const { model } = await googleTestServer({
      text: 'Glomma is the longest.',
      groundingMetadata,
      citationMetadata,
      finishMessage: 'done',
      modelVersion: 'gemini-2.5-flash-001',
      responseId: 'resp-42',
    });
    const reply = await model.invoke('Longest river in Norway?');
    expect(reply.responseMetadata).toMatchObject({ id: 'resp-42', model: 'gemini-2.5-flash-001', groundingMetadata, citationMetadata, finishMessage: 'done' });
  });

  it('several candidates stream as separate choices', async () => {
    const { model, server } = await googleTestServer({ candidates: [{ text: 'Nile' }, { text: 'Amazon', finishReason: 'MAX_TOKENS' }] });
    const [first, second] = await model.generate('Longest river?', { n: 2 });
    expect(server.requests[0]?.body?.generationConfig).toMatchObject({ candidateCount: 2 });
    expect(first).toMatchObject({ content: 'Nile', finishReason: 'stop' });
    expect(second).toMatchObject({ content: 'Amazon', finishReason: 'length' });
  });
});
