/**
 * A deterministic, unit-length vector for `text`, without a model: each word
 * (lower-cased letters and digits) adds ±1 at a few positions chosen by a
 * hash of the word. Texts sharing words point in similar directions, so
 * similarity search behaves plausibly offline; the same text always gives
 * the same vector, in any process. A text without words hashes as a whole.
 *
 * @example
 * ```ts
 * const a = hashEmbedding('rivers of Norway', 64);
 * const b = hashEmbedding('Norway has long rivers', 64);
 * const cosine = a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0); // well above 0
 * ```
 */
export function hashEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text];
  for (const word of words) {
    for (let probe = 0; probe < 3; probe++) {
      const hash = fnv1a(`${probe}:${word}`);
      vector[hash % dimensions] = (vector[hash % dimensions] ?? 0) + (hash & 0x8000_0000 ? 1 : -1);
    }
  }
  const length = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return length === 0 ? vector : vector.map((x) => x / length);
}

/** 32-bit FNV-1a over the UTF-16 code units: tiny, stable and spread well enough here. */
function fnv1a(text: string): number {
  let hash = 0x811c_9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x0100_0193);
  }
  return hash >>> 0;
}
