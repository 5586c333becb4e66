/**
 * A vector for `text` that is the same on every run and differs between
 * texts: `dimensions` values in [-1, 1] drawn from a hash of the text.
 */
export function madeUpVector(text: string, dimensions: number): number[] {
  let state = 2166136261;
  for (let i = 0; i < text.length; i++) state = Math.imul(state ^ text.charCodeAt(i), 16777619) >>> 0;
  const vector: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    state = Math.imul(state ^ (state >>> 15), 2246822507) >>> 0;
    state = Math.imul(state ^ (state >>> 13), 3266489909) >>> 0;
    vector.push(Math.round(((state / 0xffffffff) * 2 - 1) * 1e6) / 1e6);
  }
  return vector;
}
