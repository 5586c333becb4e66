import { BrokenStream } from '@rivulet/provider-utils/sse';
import type { ClientOptions } from './client-options.js';
import { pause } from './pause.js';
import { getFrom, postJson } from './post-json.js';
import { readRunEvents, truncatedRun } from './read-run-stream.js';
import { reconnectPolicy } from './reconnect-options.js';
import { RemoteError } from './remote-error.js';
import { RunStreamState } from './run-stream-state.js';
import type { RunStreamItem } from './run-stream-item.js';
import { runUrl } from './run-url.js';

/**
 * The items of a `stream` response, across connections when the server
 * keeps the run (its `metadata` says `resumable`): if the connection drops
 * before `end`, the client reconnects to `GET {base}/stream/{runId}` with
 * `Last-Event-ID` (as `options.reconnect` says) and goes on from the
 * server's catch-up, so the consumer sees every chunk exactly once and
 * snapshots keep growing from the ones it has. When the consumer stops
 * reading first (a `break`, `signal` aborting), it asks the server to stop
 * the run (`POST {base}/stop/{runId}`), since closing the connection no
 * longer does. Giving up (retries spent, the run expired) throws a
 * `TruncatedStreamError` with the last snapshot as `partial`, and leaves the
 * run to the server: a later request may still resume it.
 */
export async function* followRunStream<T>(url: string | URL, response: Response, options: ClientOptions): AsyncGenerator<RunStreamItem<T>, void> {
  const state = new RunStreamState();
  const policy = reconnectPolicy(options.reconnect);
  let gaveUp = false;
  try {
    let current = response;
    for (let failures = 0; ; ) {
      try {
        yield* readRunEvents<T>(current, state);
        return;
      } catch (error) {
        if (!(error instanceof BrokenStream) || state.metadata?.resumable !== true || policy.retries === 0) {
          gaveUp = true;
          throw error instanceof BrokenStream ? truncatedRun(state) : error;
        }
      }
      yield* state.slots.flush() as RunStreamItem<T>[]; // the latest value, while reconnecting
      for (;;) {
        if (state.progressed) failures = 0;
        state.progressed = false;
        if (failures >= policy.retries) {
          gaveUp = true;
          throw truncatedRun(state);
        }
        await pause(policy.delay(failures++), options.signal);
        const resumed = await resume(url, state, options).catch((error: unknown) => {
          if (options.signal?.aborted || !retryable(error)) {
            gaveUp = true;
            throw truncatedRun(state, error);
          }
          return undefined; // a network error or a 5xx: try again
        });
        if (resumed !== undefined) {
          current = resumed;
          break;
        }
      }
    }
  } finally {
    const stopped = !gaveUp || options.signal?.aborted === true; // the consumer stopped reading
    if (stopped && state.metadata?.resumable === true && !state.ended) stopRun(url, state.metadata.runId, options);
  }
}

function resume(url: string | URL, state: RunStreamState, options: ClientOptions): Promise<Response> {
  const runId = (state.metadata as { runId: string }).runId;
  const extra: Record<string, string> = state.lastEventId === undefined ? {} : { 'last-event-id': state.lastEventId };
  return getFrom(runUrl(url, 'stream', runId), options, 'text/event-stream', extra);
}

// Worth another attempt: the network failed or the server could not answer for now; not a refusal (404: the run expired).
function retryable(error: unknown): boolean {
  if (!RemoteError.isInstance(error)) return true;
  return error.status === undefined || error.status >= 500 || error.status === 408 || error.status === 429;
}

// Fire and forget: the consumer is gone; the server's run ends either way once it expires.
function stopRun(url: string | URL, runId: string, options: ClientOptions): void {
  postJson(runUrl(url, 'stop', runId), {}, { ...options, signal: undefined }, 'application/json').then(
    (response) => response.body?.cancel(),
    () => undefined,
  );
}
