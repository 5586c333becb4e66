/**
 * Merges lists round-robin (`[a1, b1, a2, b2, ...]`), the order in which
 * OpenAI interleaves the chunks of `n > 1` choices.
 */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const merged: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let position = 0; position < longest; position++) {
    for (const list of lists) {
      const item = list[position];
      if (item !== undefined) merged.push(item);
    }
  }
  return merged;
}
