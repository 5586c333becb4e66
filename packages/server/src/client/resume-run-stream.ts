import type { ClientOptions } from './client-options.js';
import { followRunStream } from './follow-run-stream.js';
import { getFrom } from './post-json.js';
import type { RunStreamItem } from './run-stream-item.js';
import { runUrl } from './run-url.js';

/**
 * Follows a resumable run that an earlier page or process started, by its
 * id (from the `metadata` item of its stream): its state so far as one
 * compact catch-up (the whole snapshot, or the text so far in one chunk),
 * then its live chunks, reconnecting as `options.reconnect` says. For a page
 * that reloads mid-run: keep the run id (e.g. in `sessionStorage`) and call
 * this on load. A run unknown or expired rejects with a `RemoteError` (404).
 *
 * @example
 * ```ts
 * const runId = sessionStorage.getItem('trip-run');
 * if (runId) for await (const item of resumeRunStream<TripPlan>('/api/trip', runId)) if (item.type === 'snapshot') render(item.value);
 * ```
 */
export async function* resumeRunStream<T>(url: string | URL, runId: string, options: ClientOptions = {}): AsyncGenerator<RunStreamItem<T>, void> {
  const response = await getFrom(runUrl(url, 'stream', runId), options, 'text/event-stream');
  yield* followRunStream<T>(url, response, options);
}
