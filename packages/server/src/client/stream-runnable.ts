import type { ClientOptions } from './client-options.js';
import { openRunStream } from './open-run-stream.js';

/**
 * Runs a served runnable and iterates over its output as it streams: the
 * chunks of a delta stream (text pieces), or, for structured output, the
 * snapshots rebuilt from the server's patches, each an immutable value that
 * shares unchanged subtrees with the previous one (compare by reference to
 * re-render only what changed). `url` is the handler's base URL.
 *
 * Breaking out of the loop or aborting `signal` closes the connection, which
 * cancels the run on the server. Server errors throw a `RemoteError`.
 *
 * @example
 * ```ts
 * import { streamRunnable } from '@rivulet/server/client';
 *
 * for await (const plan of streamRunnable<TripPlan>('/api/trip', { destination: 'Lisbon' })) {
 *   render(plan); // plan.days grows one day at a time
 * }
 * ```
 */
export async function* streamRunnable<T = unknown>(url: string | URL, input: unknown, options: ClientOptions = {}): AsyncGenerator<T, void> {
  for await (const item of openRunStream<T>(url, input, options)) if (item.type !== 'metadata') yield item.value;
}
