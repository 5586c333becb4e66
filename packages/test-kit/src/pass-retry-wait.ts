import { pause } from './pause.js';
import type { RetryRecorder } from './retry-recorder.js';

/** The part of vitest's `vi` that moves fake timers. */
export interface FakeClock {
  /** Moves the fake clock on by `ms`, running the timers due and the promise jobs they start. */
  advanceTimersByTimeAsync(ms: number): Promise<unknown>;
}

/** What {@link passRetryWait} saw of one retry wait. */
export interface RetryWait {
  /** How long the step said it would wait, in ms. */
  readonly waitMs: number;
  /** Requests the server had received when the wait was 1 ms from its end: a retry sent early shows here. */
  readonly requestsWhileWaiting: number;
}

/**
 * Moves a fake clock through the next retry wait of a step talking to a
 * server over real sockets: waits for the step to announce the wait, moves
 * the clock to 1 ms before its end, gives the network real turns in which an
 * early retry would reach the server, counts the server's requests, then
 * ends the wait.
 *
 * @example
 * ```ts
 * vi.useFakeTimers({ toFake: [...timerFunctions] });
 * const retries = retryRecorder();
 * const model = new OpenAIChatModel({ ...options, retry: { onRetry: retries.onRetry } });
 * const answer = model.invoke('x');
 * expect(await passRetryWait(vi, retries, () => server.requests.length)).toEqual({ waitMs: 80, requestsWhileWaiting: 1 });
 * ```
 */
export async function passRetryWait(clock: FakeClock, retries: RetryRecorder, requests: () => number): Promise<RetryWait> {
  const waitMs = await retries.next();
  await clock.advanceTimersByTimeAsync(waitMs - 1);
  await pause(20);
  const requestsWhileWaiting = requests();
  await clock.advanceTimersByTimeAsync(1);
  return { waitMs, requestsWhileWaiting };
}
