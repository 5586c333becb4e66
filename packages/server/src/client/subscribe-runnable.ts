import type { PatchOperation } from '@rivulet/parsers/patch';
import type { ClientOptions } from './client-options.js';
import { openRunStream } from './open-run-stream.js';
import type { StreamMetadata } from './wire-types.js';

/** What {@link subscribeRunnable} reports. Exactly one of `onDone` and `onError` is called, once; a callback that throws ends the run with `onError`. */
export interface StreamCallbacks<T> {
  /** The stream began: the server's run id and how its chunks fold. */
  onMetadata?(metadata: StreamMetadata): void;
  /** A chunk of a delta stream (e.g. a piece of text). */
  onChunk?(chunk: T): void;
  /** The whole value so far, for structured output: an immutable snapshot, unchanged subtrees shared with the last one. */
  onSnapshot?(snapshot: T, ops: readonly PatchOperation[]): void;
  /** The run failed: a `RemoteError` from the server, or a network error. */
  onError?(error: unknown): void;
  /** The run is over: it finished (`stopped: false`) or `stop()` / `signal` ended it. */
  onDone?(info: { readonly stopped: boolean }): void;
}

/** A run started by {@link subscribeRunnable}. */
export interface RunHandle {
  /** Closes the connection, which cancels the run on the server. Safe to call at any time, twice too. */
  stop(): void;
  /** Settles once the last callback has been called; never rejects. */
  readonly done: Promise<void>;
}

/**
 * Runs a served runnable and reports its output through callbacks, for UI code
 * that prefers them to an async loop. No framework needed: call it from a click
 * handler, a React effect (return `stop` as its cleanup), a Vue watcher.
 *
 * @example
 * ```ts
 * const run = subscribeRunnable<TripPlan>('/api/trip', { destination: 'Lisbon' }, {
 *   onSnapshot: (plan) => render(plan),
 *   onError: (error) => showError(error),
 *   onDone: ({ stopped }) => setStatus(stopped ? 'stopped' : 'done'),
 * });
 * stopButton.onclick = () => run.stop();
 * ```
 */
export function subscribeRunnable<T = unknown>(url: string | URL, input: unknown, options: StreamCallbacks<T> & ClientOptions): RunHandle {
  const controller = new AbortController();
  const outer = options.signal;
  const abort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) abort();
  else outer?.addEventListener('abort', abort, { once: true });
  const run = async (): Promise<{ readonly error: unknown } | { readonly stopped: boolean }> => {
    try {
      for await (const item of openRunStream<T>(url, input, { ...options, signal: controller.signal })) {
        if (item.type === 'metadata') options.onMetadata?.({ runId: item.runId, aggregate: item.aggregate });
        else if (item.type === 'chunk') options.onChunk?.(item.value);
        else options.onSnapshot?.(item.value, item.ops);
      }
      return { stopped: false };
    } catch (error) {
      return controller.signal.aborted ? { stopped: true } : { error };
    } finally {
      outer?.removeEventListener('abort', abort);
      controller.abort();
    }
  };
  const done = run()
    .then((outcome) => ('error' in outcome ? options.onError?.(outcome.error) : options.onDone?.(outcome)))
    .catch(() => undefined); // a throwing onError/onDone must not become an unhandled rejection
  return { stop: () => controller.abort(), done };
}
