import { act } from '@testing-library/react';
import type { ManualFrames } from './manual-frames.js';

/** A promise and the functions that settle it. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Lets the network work and runs a frame, again and again, until `check`
 * holds: the page's life in small steps. Fails with `what` if it never does.
 */
export async function advanceUntil(frames: ManualFrames, check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}.`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      frames.flush();
    });
  }
}
