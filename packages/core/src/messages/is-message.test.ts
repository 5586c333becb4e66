import { describe, expect, it, vi } from 'vitest';
import { AIMessageChunk, HumanMessage, ai, human, isAIMessageChunk, isMessage, toolMessage } from '../index.js';
import type * as core from '../index.js';

describe('isMessage and isAIMessageChunk', () => {
  it('recognise messages of this copy', () => {
    for (const message of [human('a'), ai('b'), toolMessage('c', 'id'), new AIMessageChunk('d')]) {
      expect(isMessage(message)).toBe(true);
    }
    expect(isAIMessageChunk(new AIMessageChunk('d'))).toBe(true);
    expect(isAIMessageChunk(ai('b'))).toBe(false);
    for (const value of [null, undefined, 'text', 42, {}, { role: 'human', content: 'hi' }, ['human', 'hi']]) {
      expect(isMessage(value)).toBe(false);
      expect(isAIMessageChunk(value)).toBe(false);
    }
  });

  it('recognise messages from another copy of the package, where instanceof fails', async () => {
    // After a registry reset, importing the package again evaluates a second copy of it.
    vi.resetModules();
    const specifier = '../index.js';
    const other = (await import(specifier)) as typeof core;
    const foreignHuman = other.human('hi');
    const foreignChunk = new other.AIMessageChunk('x');
    expect(other.HumanMessage).not.toBe(HumanMessage);
    expect(foreignHuman instanceof HumanMessage).toBe(false);
    expect(isMessage(foreignHuman)).toBe(true);
    expect(isAIMessageChunk(foreignChunk)).toBe(true);
    // A chunk from the other copy concatenates with ours.
    expect(new AIMessageChunk('a').concat(foreignChunk).text).toBe('ax');
  });
});
