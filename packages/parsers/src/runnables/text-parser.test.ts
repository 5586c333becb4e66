import { AIMessageChunk } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { textParser } from '../index.js';

describe('textParser', () => {
  it('emits the text of string and message chunks as deltas', async () => {
    const model = fakeRunnable([new AIMessageChunk('Hel'), new AIMessageChunk(''), new AIMessageChunk('lo')]);
    const chain = model.pipe(textParser());
    expect(await collect(chain.stream('q'))).toStrictEqual(['Hel', 'lo']);
    expect(await chain.invoke('q')).toBe('Hello');
    expect(await fakeRunnable(['a', 'b']).pipe(textParser()).invoke('q')).toBe('ab');
  });

  it('reads the text parts of multi-part content', async () => {
    const chunks = [{ content: [{ type: 'text', text: 'a' }, { type: 'image', url: 'x' }, { type: 'text', text: 'b' }] }];
    expect(await fakeRunnable(chunks).pipe(textParser()).invoke('q')).toBe('ab');
  });

  it('resolves to an empty string for no text', async () => {
    expect(await textParser().invoke('')).toBe('');
  });
});
