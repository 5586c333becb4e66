import { act } from '@testing-library/react';
import { pause, waitFor } from '@rivulet/test-kit';
import type { ManualFrames } from './manual-frames.js';

/**
 * Lets the network work and runs a frame, again and again, until `check`
 * holds: the page's life in small steps. Fails with `what` if it never does.
 */
export async function advanceUntil(frames: ManualFrames, check: () => boolean, what: string): Promise<void> {
  const step = (): Promise<void> =>
    act(async () => {
      await pause(5);
      frames.flush();
    });
  if (!(await waitFor(check, 15_000, step))) throw new Error(`Gave up waiting for ${what}.`);
}
