import { describe, expect, it } from 'vitest';
import { hashEmbedding } from './hash-embedding.js';

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

describe('hashEmbedding', () => {
  it('is deterministic, of the asked length and of unit length', () => {
    const vector = hashEmbedding('Rivers of Norway', 64);
    expect(vector).toEqual(hashEmbedding('Rivers of Norway', 64));
    expect(vector).toHaveLength(64);
    expect(dot(vector, vector)).toBeCloseTo(1, 12);
  });

  it('ignores case and punctuation, and makes texts sharing words more similar', () => {
    expect(hashEmbedding('rivers, of NORWAY!', 64)).toEqual(hashEmbedding('Rivers of Norway', 64));
    const query = hashEmbedding('long rivers in Norway', 256);
    expect(dot(query, hashEmbedding('Norway has many long rivers', 256))).toBeGreaterThan(dot(query, hashEmbedding('Baking sourdough bread at home', 256)));
  });

  it('hashes a text without words as a whole', () => {
    expect(dot(hashEmbedding('', 8), hashEmbedding('', 8))).toBeCloseTo(1, 12);
    expect(hashEmbedding('?!', 8)).not.toEqual(hashEmbedding('...', 8));
  });
});
