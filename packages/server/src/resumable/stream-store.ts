/**
 * One event of a resumable run as a {@link StreamStore} keeps it: its id
 * (1, 2, 3, ... in the order appended, per run; what SSE sends as `id:` and a
 * client returns as `Last-Event-ID`) and its data, opaque to the store (the
 * server decides what it holds: an SSE event name and JSON, typically).
 */
export interface StoredStreamEvent {
  readonly id: number;
  readonly data: string;
}

/** What a store knows of a run. */
export interface StreamRunInfo {
  /** What the run was created with, opaque to the store (e.g. the `metadata` event: run id and aggregation rule). */
  readonly metadata: string;
  /** `running` until {@link StreamStore.finish}; a finished run is kept for a while, then forgotten. */
  readonly status: 'running' | 'finished';
  /** Id of the last event appended; 0 before any. */
  readonly lastEventId: number;
  /** A stop was requested ({@link StreamStore.requestStop}) while it ran. */
  readonly stopRequested: boolean;
}

/** Options of {@link StreamStore.read}. */
export interface StreamReadOptions {
  /** Read the events after this id (a client's `Last-Event-ID`); 0, the default, reads from the first. */
  readonly after?: number | undefined;
  /** Stops reading: the iteration rejects with `AbortError`, and what it held (a connection) is let go. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Where resumable streams keep their runs' events, so that any server process
 * sharing the store can answer `GET {base}/stream/{runId}`: the process
 * running a run appends its events; a reconnecting client, on whichever
 * process it lands, reads what it missed and follows the rest live; a
 * `POST {base}/stop/{runId}` on any process reaches the process running it.
 *
 * The life of a run: `create` → `append`* → `finish`; a finished run is kept
 * for a while (for clients that reconnect late), then expires. A run whose
 * process died without finishing expires after a longer idle time.
 *
 * Implemented by `RedisStreamStore` in `@rivulet/redis`; the handler's
 * resumable streams (`createHandler(r, { resumable: store })`) and an
 * `InMemoryStreamStore` here come with them.
 *
 * @example
 * ```ts
 * await store.create(runId, JSON.stringify({ runId, aggregate }));
 * const stopped = new AbortController();
 * const runDone = new AbortController();
 * void store.waitForStop(runId, runDone.signal).then((asked) => asked && stopped.abort());
 * for await (const chunk of runnable.stream(input, { signal: stopped.signal })) await store.append(runId, [encode(chunk)]);
 * await store.finish(runId);
 * runDone.abort();
 *
 * // On any process, for a client that reconnects with Last-Event-ID: 41
 * for await (const events of store.read(runId, { after: 41, signal: request.signal })) send(events);
 * ```
 */
export interface StreamStore {
  /** Starts keeping a run. `InputError` when a run with this id is already kept. */
  create(runId: string, metadata: string): Promise<void>;
  /**
   * Appends events to a running run, in order and as one step (no other
   * append lands between them); resolves with their ids. `InputError` when the
   * run is unknown, expired or finished.
   */
  append(runId: string, data: readonly string[]): Promise<number[]>;
  /**
   * Marks the run finished: readers following it end after its last event.
   * It expires after the store's time for finished runs. Finishing a run that
   * is unknown or already finished does nothing.
   */
  finish(runId: string): Promise<void>;
  /** The run, or `undefined` when it is unknown or expired. */
  get(runId: string): Promise<StreamRunInfo | undefined>;
  /**
   * The run's events after `options.after`, in batches: the first batch holds
   * every event already stored (possibly none: the catch-up, which a server
   * can fold into one compact event), each later one the events appended
   * since, as they arrive. Ends once the last event of a finished run was
   * given, or at once for a run that is unknown or expired (and when a run
   * being followed expires).
   */
  read(runId: string, options?: StreamReadOptions): AsyncIterable<readonly StoredStreamEvent[]>;
  /** Asks the process running the run to stop it; true when the run was running. */
  requestStop(runId: string): Promise<boolean>;
  /**
   * Resolves `true` as soon as a stop is requested for the run (at once if it
   * already was), or `false` once `signal` aborts first (the run ended on its
   * own): the process running a run calls it when the run starts, and aborts
   * the signal when the run ends.
   */
  waitForStop(runId: string, signal: AbortSignal): Promise<boolean>;
}
