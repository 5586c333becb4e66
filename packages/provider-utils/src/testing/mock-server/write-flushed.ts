import type { ServerResponse } from 'node:http';

/**
 * Writes `data` and waits until Node handed it to the socket, or until
 * `signal` aborts. Waiting on every write is the simplest way to respect
 * backpressure (never more than one write in flight) and guarantees that a
 * fault injected next (a drop, a stall) happens after the client could see it.
 *
 * @returns false when nothing was written because the exchange is over.
 */
export function writeFlushed(response: ServerResponse, data: string, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted || response.destroyed || response.writableEnded) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    response.write(data, (error) => {
      signal.removeEventListener('abort', onAbort);
      resolve(!error && !signal.aborted);
    });
  });
}
