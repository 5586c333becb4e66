import { nextTurn } from './next-turn.js';

/** True when the process runs with `--expose-gc`, so {@link heapAfterGc} can measure. */
export function canCollect(): boolean {
  return typeof globalThis.gc === 'function';
}

/**
 * `heapUsed` in bytes after full collections, with turns of the event loop
 * between them so finalizers run. Needs `--expose-gc`.
 *
 * @example
 * ```ts
 * const before = await heapAfterGc();
 * for (let i = 0; i < 10_000; i++) await chain.invoke(i);
 * expect((await heapAfterGc()) - before).toBeLessThan(2 * 2 ** 20);
 * ```
 */
export async function heapAfterGc(): Promise<number> {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('Run with --expose-gc to measure the heap.');
  for (let i = 0; i < 4; i++) {
    gc();
    await nextTurn();
  }
  return process.memoryUsage().heapUsed;
}
