import { AIMessageChunk } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { listParser } from '../index.js';

describe('listParser', () => {
  it('emits items as they complete', async () => {
    const model = fakeRunnable(['Colors:\n- red', '\n- green, light\n', '- blue'].map((c) => new AIMessageChunk(c)));
    const chain = model.pipe(listParser());
    expect(await collect(chain.stream('q'))).toStrictEqual(['red', 'green, light', 'blue']);
    expect(await chain.invoke('q')).toStrictEqual(['red', 'green, light', 'blue']);
  });

  it('splits comma-separated text, or by a fixed separator', async () => {
    expect(await listParser().invoke('a, b, c')).toStrictEqual(['a', 'b', 'c']);
    expect(await listParser({ separator: 'newline' }).invoke('a, b\nc')).toStrictEqual(['a, b', 'c']);
    expect(await listParser().invoke('')).toStrictEqual([]);
  });
});
