import type { RunEvent } from '@rivulet/core';
import type { ClientOptions } from './client-options.js';
import { EventDecoder } from './event-decoder.js';
import { postJson } from './post-json.js';
import { followRunStream } from './follow-run-stream.js';
import { routeUrl } from './route-url.js';
import type { RunStreamItem } from './run-stream-item.js';
import type { WireRunEvent } from './wire-run-event.js';

/**
 * One run on the server through `route` (`stream` or `stream_events`), as the
 * items it streams. The connection closes when the loop over it ends, however
 * it ends, and when `options.signal` aborts; for a resumable run, a dropped
 * connection is resumed by itself (see `options.reconnect`) and a consumer
 * that stops reading stops the run on the server.
 *
 * Through `stream_events`, each chunk item is a run event of a step nested in
 * the served runnable, as its local `streamEvents` gives it: labels restored
 * and snapshot chunks rebuilt from their patches (an `error` event's error is
 * the server's `{ name, message, ... }`).
 *
 * @example
 * ```ts
 * for await (const item of openRunStream('/api/trip', { destination: 'Lisbon' }, {}, 'stream_events')) {
 *   if (item.type === 'chunk' && item.value.type === 'chunk') console.log(item.value.name, item.value.data.chunk);
 * }
 * ```
 */
export function openRunStream<T>(url: string | URL, input: unknown, options?: ClientOptions, route?: 'stream'): AsyncGenerator<RunStreamItem<T>, void>;
export function openRunStream(url: string | URL, input: unknown, options: ClientOptions | undefined, route: 'stream_events'): AsyncGenerator<RunStreamItem<RunEvent>, void>;
export async function* openRunStream(
  url: string | URL,
  input: unknown,
  options: ClientOptions = {},
  route: 'stream' | 'stream_events' = 'stream',
): AsyncGenerator<RunStreamItem, void> {
  const body = options.runOptions === undefined ? { input } : { input, options: options.runOptions };
  const response = await postJson(routeUrl(url, route), body, options, 'text/event-stream');
  if (route === 'stream') return yield* followRunStream(url, response, options);
  const decoder = new EventDecoder();
  for await (const item of followRunStream<WireRunEvent>(url, response, options)) yield item.type === 'chunk' ? { type: 'chunk', value: decoder.decode(item.value) } : item;
}
