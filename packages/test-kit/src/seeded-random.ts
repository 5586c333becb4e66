/**
 * A small seeded generator (mulberry32) of numbers in [0, 1), so a run's
 * random choices (abort points, fault order) are the same every time for the
 * same seed.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * const abortAfter = between(random, 1, 5);
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A whole number in [min, max] drawn from `random`.
 *
 * @example
 * ```ts
 * between(seededRandom(7), 0, 40); // the same number every run
 * ```
 */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
