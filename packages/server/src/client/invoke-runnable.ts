import type { ClientOptions } from './client-options.js';
import { postJson } from './post-json.js';
import { routeUrl } from './route-url.js';
import type { InvokeResponseBody } from './wire-types.js';

/**
 * Runs a served runnable once and resolves to its whole output. Server errors
 * reject with a `RemoteError`.
 *
 * @example
 * ```ts
 * const plan = await invokeRunnable<TripPlan>('/api/trip', { destination: 'Lisbon' });
 * ```
 */
export async function invokeRunnable<O = unknown>(url: string | URL, input: unknown, options: ClientOptions = {}): Promise<O> {
  const body = options.runOptions === undefined ? { input } : { input, options: options.runOptions };
  const response = await postJson(routeUrl(url, 'invoke'), body, options, 'application/json');
  return ((await response.json()) as InvokeResponseBody<O>).output;
}
