import type { ClientOptions } from './client-options.js';
import { postJson } from './post-json.js';
import { followRunStream } from './follow-run-stream.js';
import { routeUrl } from './route-url.js';
import type { RunStreamItem } from './run-stream-item.js';
import type { RouteName } from './wire-types.js';

/**
 * One run on the server through `route` (`stream` or `stream_events`), as the
 * items it streams. The connection closes when the loop over it ends, however
 * it ends, and when `options.signal` aborts; for a resumable run, a dropped
 * connection is resumed by itself (see `options.reconnect`) and a consumer
 * that stops reading stops the run on the server.
 */
export async function* openRunStream<T>(
  url: string | URL,
  input: unknown,
  options: ClientOptions = {},
  route: Extract<RouteName, 'stream' | 'stream_events'> = 'stream',
): AsyncGenerator<RunStreamItem<T>, void> {
  const body = options.runOptions === undefined ? { input } : { input, options: options.runOptions };
  const response = await postJson(routeUrl(url, route), body, options, 'text/event-stream');
  yield* followRunStream<T>(url, response, options);
}
