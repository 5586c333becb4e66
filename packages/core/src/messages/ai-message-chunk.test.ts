import { describe, expect, it } from 'vitest';
import { AIMessage, AIMessageChunk, type AIMessageChunkFields, type ToolCallChunk } from '../index.js';

const chunk = (fields: AIMessageChunkFields | string) => new AIMessageChunk(fields);

function fold(chunks: readonly AIMessageChunk[]): AIMessageChunk {
  return chunks.reduce((acc, next) => acc.concat(next));
}

/** Splits `text` into argument fragments at the given offsets. */
function fragments(index: number, text: string, cuts: readonly number[]): ToolCallChunk[] {
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((end, i) => ({ index, argsText: text.slice(bounds[i], end) }));
}

describe('AIMessageChunk.concat', () => {
  it('concatenates content and reasoning, keeps the first id and name', () => {
    const result = fold([
      chunk({ content: '', reasoning: 'Let me ', id: 'resp_1' }),
      chunk({ reasoning: 'think.', id: 'resp_1' }),
      chunk({ content: 'Hel', name: 'bot' }),
      chunk('lo'),
    ]);
    expect(result.content).toBe('Hello');
    expect(result.text).toBe('Hello');
    expect(result.reasoning).toBe('Let me think.');
    expect(result.id).toBe('resp_1');
    expect(result.name).toBe('bot');
    expect(result).toBeInstanceOf(AIMessage);
    expect(chunk('a').concat(chunk('b')).reasoning).toBeUndefined();
  });

  it('leaves both operands unchanged', () => {
    const a = chunk({ content: 'a', toolCallChunks: [{ index: 0, id: 'c', name: 't', argsText: '{"x"' }] });
    const b = chunk({ content: 'b', toolCallChunks: [{ index: 0, argsText: ':1}' }], finishReason: 'tool_calls' });
    const joined = a.concat(b);
    expect(joined.toolCalls).toEqual([{ id: 'c', name: 't', args: { x: 1 } }]);
    expect([a.content, a.toolCallChunks[0]?.argsText, a.finishReason]).toEqual(['a', '{"x"', undefined]);
    expect([b.content, b.toolCallChunks]).toEqual(['b', [{ index: 0, argsText: ':1}' }]]);
  });

  it('assembles tool-call arguments split at any position, even inside strings and escapes', () => {
    const args = JSON.stringify({ city: 'Paris "Île"', units: ['c', 'f'], note: 'a\\b\n', n: -1.5e3 });
    for (let cut = 0; cut <= args.length; cut++) {
      const result = fold([
        chunk({ toolCallChunks: [{ index: 0, id: 'call_1', name: 'weather', argsText: '' }] }),
        chunk({ toolCallChunks: fragments(0, args, [cut]) }),
        chunk({ finishReason: 'tool_calls' }),
      ]);
      expect(result.toolCalls).toEqual([{ id: 'call_1', name: 'weather', args: JSON.parse(args) as unknown }]);
    }
    const oneCharAtATime = [...args].map((c) => chunk({ toolCallChunks: [{ index: 0, argsText: c }] }));
    const result = fold([chunk({ toolCallChunks: [{ index: 0, id: 'c', name: 'w' }] }), ...oneCharAtATime]);
    expect(result.toolCallChunks).toEqual([{ index: 0, id: 'c', name: 'w', argsText: args }]);
    expect(result.toolCalls).toEqual([{ id: 'c', name: 'w', args: JSON.parse(args) as unknown }]);
  });

  it('keeps parallel calls apart by index, even interleaved', () => {
    const result = fold([
      chunk({ toolCallChunks: [{ index: 0, id: 'a', name: 'weather', argsText: '{"city":' }] }),
      chunk({ toolCallChunks: [{ index: 1, id: 'b', name: 'time', argsText: '{"tz":' }] }),
      chunk({ toolCallChunks: [{ index: 0, argsText: '"Paris"}' }, { index: 1, argsText: '"CET"}' }] }),
      chunk({ finishReason: 'tool_calls' }),
    ]);
    expect(result.toolCalls).toEqual([
      { id: 'a', name: 'weather', args: { city: 'Paris' } },
      { id: 'b', name: 'time', args: { tz: 'CET' } },
    ]);
  });

  it('keeps Ollama-style calls that all use index 0 apart by their distinct ids', () => {
    const result = fold([
      chunk({ toolCallChunks: [{ index: 0, id: 'call_a', name: 'weather', argsText: '{"city":"Paris"}' }] }),
      chunk({ toolCallChunks: [{ index: 0, id: 'call_b', name: 'weather', argsText: '{"city":"Rome"}' }] }),
      chunk({ finishReason: 'tool_calls' }),
    ]);
    expect(result.toolCallChunks).toHaveLength(2);
    expect(result.toolCalls.map((call) => [call.id, call.args])).toEqual([
      ['call_a', { city: 'Paris' }],
      ['call_b', { city: 'Rome' }],
    ]);
    // The same id again, or no id, joins a call instead of starting one.
    const joined = fold([
      chunk({ toolCallChunks: [{ index: 0, id: 'x', name: 'f', argsText: '{"a"' }] }),
      chunk({ toolCallChunks: [{ index: 0, id: 'x', argsText: ':1' }] }),
      chunk({ toolCallChunks: [{ index: 0, argsText: '}' }] }),
    ]);
    expect(joined.toolCalls).toEqual([{ id: 'x', name: 'f', args: { a: 1 } }]);
  });

  it('merges fragments that share an index inside one provider chunk', () => {
    const single = chunk({
      toolCallChunks: [
        { index: 0, id: 'c', name: 'f', argsText: '{"a":' },
        { index: 0, argsText: '2}' },
      ],
    });
    expect(single.toolCalls).toEqual([{ id: 'c', name: 'f', args: { a: 2 } }]);
  });

  it('accepts fragments whose missing wire fields are explicitly undefined', () => {
    const result = chunk({ toolCallChunks: [{ index: 0, id: 'c', name: 'f', argsText: undefined }] }).concat(
      chunk({ toolCallChunks: [{ index: 0, id: undefined, name: undefined, argsText: '{}' }], finishReason: 'stop' }),
    );
    expect(result.toolCalls).toEqual([{ id: 'c', name: 'f', args: {} }]);
    expect(JSON.parse(JSON.stringify(result.toolCallChunks))).toEqual([{ index: 0, id: 'c', name: 'f', argsText: '{}' }]);
  });

  it('shows a call in toolCalls only once its arguments are complete', () => {
    const start = chunk({ toolCallChunks: [{ index: 0, id: 'c', name: 'f', argsText: '' }] });
    expect(start.toolCalls).toEqual([]);
    expect(start.invalidToolCalls).toEqual([]);
    const partial = start.concat(chunk({ toolCallChunks: [{ index: 0, argsText: '{"q":"ab' }] }));
    expect(partial.toolCalls).toEqual([]);
    expect(partial.invalidToolCalls).toEqual([]);
    const complete = partial.concat(chunk({ toolCallChunks: [{ index: 0, argsText: 'c"}' }] }));
    expect(complete.toolCalls).toEqual([{ id: 'c', name: 'f', args: { q: 'abc' } }]);
  });

  it('on finish, reads empty arguments as {} and moves unusable calls to invalidToolCalls', () => {
    const result = fold([
      chunk({ toolCallChunks: [{ index: 0, id: 'a', name: 'now' }] }),
      chunk({ toolCallChunks: [{ index: 1, id: 'b', name: 'broken', argsText: '{"x": tru' }] }),
      chunk({ toolCallChunks: [{ index: 2, id: 'c', name: 'list', argsText: '[1, 2]' }] }),
      chunk({ toolCallChunks: [{ index: 3, id: 'd', argsText: '{}' }] }),
      chunk({ finishReason: 'tool_calls' }),
    ]);
    expect(result.toolCalls).toEqual([{ id: 'a', name: 'now', args: {} }]);
    expect(result.invalidToolCalls.map(({ id, argsText }) => [id, argsText])).toEqual([
      ['b', '{"x": tru'],
      ['c', '[1, 2]'],
      ['d', '{}'],
    ]);
    expect(result.invalidToolCalls.every((call) => call.error.length > 0)).toBe(true);
  });

  it('takes usage per field from the later chunk, never summing', () => {
    const start = chunk({ usage: { inputTokens: 10, outputTokens: 1, totalTokens: 11, cachedInputTokens: 8 } });
    const delta = chunk({ usage: { inputTokens: 10, outputTokens: 25, totalTokens: 35 } });
    expect(start.concat(delta).usage).toEqual({ inputTokens: 10, outputTokens: 25, totalTokens: 35, cachedInputTokens: 8 });
    expect(start.concat(chunk('x')).usage).toEqual(start.usage);
    expect(chunk('x').concat(delta).usage).toEqual(delta.usage);
    expect(chunk('x').concat(chunk('y')).usage).toBeUndefined();
  });

  it('merges responseMetadata shallowly: later keys win, arrays are replaced', () => {
    const result = fold([
      chunk({ responseMetadata: { model: 'sonar', citations: ['a'] } }),
      chunk({ responseMetadata: { citations: ['a', 'b'], rawFinishReason: undefined } }),
      chunk({ responseMetadata: { rawFinishReason: 'stop' } }),
    ]);
    expect(result.responseMetadata).toEqual({ model: 'sonar', citations: ['a', 'b'], rawFinishReason: 'stop' });
    const keysOnly = chunk({ responseMetadata: { a: 1 } }).concat(chunk({ responseMetadata: { a: undefined } }));
    expect(keysOnly.responseMetadata).toEqual({ a: 1 });
  });

  it('keeps the last finishReason', () => {
    expect(chunk({ finishReason: 'length' }).concat(chunk('x')).finishReason).toBe('length');
    expect(chunk({ finishReason: 'stop' }).concat(chunk({ finishReason: 'tool_calls' })).finishReason).toBe('tool_calls');
    expect(chunk('x').concat(chunk('y')).finishReason).toBeUndefined();
  });

  it('folds 100,000 one-character chunks without quadratic work', () => {
    const pieces = Array.from({ length: 100_000 }, (_, i) => chunk({ content: 'x', reasoning: 'r', toolCallChunks: i === 0 ? [{ index: 0, id: 'c', name: 'f', argsText: '{"s":"' }] : [{ index: 0, argsText: 'y' }] }));
    pieces.push(chunk({ toolCallChunks: [{ index: 0, argsText: '"}' }], finishReason: 'tool_calls' }));
    const result = fold(pieces);
    expect(result.content.length).toBe(100_000);
    expect(result.reasoning?.length).toBe(100_000);
    expect((result.toolCalls[0]?.args['s'] as string).length).toBe(99_999);
  });
});
