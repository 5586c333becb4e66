import { vi } from 'vitest';

/** Animation frames that run only when a test says so. */
export interface ManualFrames {
  /** Callbacks waiting for the next frame. */
  readonly pending: number;
  /** Runs one frame: every callback requested before it. */
  flush(): void;
}

/** Replaces `requestAnimationFrame` with a queue the test runs by hand, so what happens "in one frame" is exact. */
export function installManualFrames(): ManualFrames {
  let queue = new Map<number, FrameRequestCallback>();
  let next = 1;
  let time = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    queue.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => void queue.delete(id));
  return {
    get pending() {
      return queue.size;
    },
    flush() {
      const due = queue;
      queue = new Map();
      time += 16;
      for (const callback of due.values()) callback(time);
    },
  };
}
