/**
 * Calls `callback` on the next turn of the event loop, after the I/O of this
 * one: everything a network read delivered (a model's events arrive many per
 * read) is in by then. `setImmediate` where there is one (Node, Bun, Deno),
 * a zero timeout elsewhere (edge runtimes).
 */
export function nextTurn(callback: () => void): void {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (immediate === undefined) setTimeout(callback, 0);
  else immediate(callback);
}
