/**
 * The timer functions to fake when the code under test talks over real
 * sockets: `vi.useFakeTimers({ toFake: [...timerFunctions] })` puts its
 * waits (retry backoffs, idle timers, a mock server's stalls) on a virtual
 * clock the test moves by hand, while `setImmediate`, the network and the
 * kit's own waits (`pause`, `eventually`) keep running for real.
 *
 * @example
 * ```ts
 * vi.useFakeTimers({ toFake: [...timerFunctions] });
 * const answer = model.invoke('x');
 * await vi.advanceTimersByTimeAsync(1_000);
 * ```
 */
export const timerFunctions = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;
