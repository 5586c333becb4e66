import { AbortError, InputError } from '@rivulet/core';
import type { StoredStreamEvent, StreamReadOptions, StreamRunInfo, StreamStore } from './stream-store.js';

/** Options of an {@link InMemoryStreamStore}. */
export interface InMemoryStreamStoreOptions {
  /** How long a finished run is kept for clients that reconnect late, in ms. @defaultValue 10 minutes */
  readonly finishedTtlMs?: number | undefined;
  /** How long a running run is kept after its last append, in ms (a run that never finishes is let go then). @defaultValue one hour */
  readonly idleTtlMs?: number | undefined;
}

interface StoredRun {
  readonly metadata: string;
  readonly events: StoredStreamEvent[];
  status: 'running' | 'finished';
  stopRequested: boolean;
  /** When the run expires, in `Date.now()` ms; pushed back by every append. */
  expiresAt: number;
  expiry: ReturnType<typeof setTimeout> | undefined;
  /** Readers following the run and processes waiting for a stop, woken on every change. */
  readonly watchers: Set<() => void>;
}

/**
 * A {@link StreamStore} in this process's memory: resumable streams for a
 * server of one process (a client that reconnects lands on the same
 * process). For many processes, use `RedisStreamStore` from `@rivulet/redis`.
 * A run holds its events until it expires: `finishedTtlMs` after it
 * finished, `idleTtlMs` after its last append while it runs. Expiry timers
 * do not keep the process alive.
 *
 * @example
 * ```ts
 * const handler = createHandler(chain, { resumable: new InMemoryStreamStore({ finishedTtlMs: 60_000 }) });
 * ```
 */
export class InMemoryStreamStore implements StreamStore {
  readonly #runs = new Map<string, StoredRun>();
  readonly #finishedTtlMs: number;
  readonly #idleTtlMs: number;

  constructor(options: InMemoryStreamStoreOptions = {}) {
    this.#finishedTtlMs = positive('finishedTtlMs', options.finishedTtlMs, 10 * 60_000);
    this.#idleTtlMs = positive('idleTtlMs', options.idleTtlMs, 60 * 60_000);
  }

  create(runId: string, metadata: string): Promise<void> {
    if (!isRunId(runId)) return Promise.reject(new InputError('InMemoryStreamStore.create: a run id must be a string of 1 to 256 characters.'));
    if (this.#runs.has(runId)) return Promise.reject(new InputError(`InMemoryStreamStore.create: a run with the id "${runId}" already exists.`));
    const run: StoredRun = { metadata, events: [], status: 'running', stopRequested: false, expiresAt: 0, expiry: undefined, watchers: new Set() };
    this.#runs.set(runId, run);
    this.#expireIn(runId, run, this.#idleTtlMs);
    return Promise.resolve();
  }

  append(runId: string, data: readonly string[]): Promise<number[]> {
    const run = this.#runs.get(runId);
    if (run?.status !== 'running') return Promise.reject(new InputError(`InMemoryStreamStore.append: the run "${runId}" is not running (unknown, expired or finished).`));
    const ids = data.map((item) => {
      const event = { id: run.events.length + 1, data: item };
      run.events.push(event);
      return event.id;
    });
    run.expiresAt = Date.now() + this.#idleTtlMs; // the timer checks it when it fires
    wake(run);
    return Promise.resolve(ids);
  }

  finish(runId: string): Promise<void> {
    const run = this.#runs.get(runId);
    if (run?.status === 'running') {
      run.status = 'finished';
      this.#expireIn(runId, run, this.#finishedTtlMs);
      wake(run);
    }
    return Promise.resolve();
  }

  get(runId: string): Promise<StreamRunInfo | undefined> {
    const run = this.#runs.get(runId);
    return Promise.resolve(
      run && { metadata: run.metadata, status: run.status, lastEventId: run.events.length, stopRequested: run.stopRequested },
    );
  }

  read(runId: string, options: StreamReadOptions = {}): AsyncIterable<readonly StoredStreamEvent[]> {
    return { [Symbol.asyncIterator]: () => this.#follow(runId, options) };
  }

  requestStop(runId: string): Promise<boolean> {
    const run = this.#runs.get(runId);
    if (run?.status !== 'running') return Promise.resolve(false);
    run.stopRequested = true;
    wake(run);
    return Promise.resolve(true);
  }

  async waitForStop(runId: string, signal: AbortSignal): Promise<boolean> {
    const run = this.#runs.get(runId);
    if (run === undefined || signal.aborted) return false;
    if (run.stopRequested) return true;
    return new Promise<boolean>((resolve) => {
      const settle = (asked: boolean): void => {
        run.watchers.delete(onChange);
        signal.removeEventListener('abort', onAbort);
        resolve(asked);
      };
      const onChange = (): void => {
        if (run.stopRequested) settle(true);
        else if (this.#runs.get(runId) !== run) settle(false); // expired
      };
      const onAbort = (): void => settle(false);
      run.watchers.add(onChange);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  async *#follow(runId: string, { after = 0, signal }: StreamReadOptions): AsyncGenerator<readonly StoredStreamEvent[]> {
    if (!Number.isSafeInteger(after) || after < 0) throw new InputError(`InMemoryStreamStore.read: after must be a whole number of at least 0, got ${String(after)}.`);
    const run = this.#runs.get(runId);
    if (run === undefined) return;
    let next = after;
    for (let first = true; ; first = false) {
      if (signal?.aborted) throw abortError(signal);
      const over = run.status === 'finished' || this.#runs.get(runId) !== run; // read before the slice: its last events are in it
      const batch = run.events.slice(next);
      next = Math.max(next, run.events.length);
      if (first || batch.length > 0) yield batch; // the first batch always comes, even empty: the catch-up
      if (over) return;
      if (next === run.events.length && run.status === 'running' && this.#runs.get(runId) === run) await changeOf(run, signal);
    }
  }

  // (Re)arms the run's expiry; an idle run whose appends pushed `expiresAt` back re-arms itself when the timer fires.
  #expireIn(runId: string, run: StoredRun, ms: number): void {
    clearTimeout(run.expiry);
    run.expiresAt = Date.now() + ms;
    const check = (): void => {
      const left = run.expiresAt - Date.now();
      if (run.status === 'running' && left > 0) {
        run.expiry = unref(setTimeout(check, left));
        return;
      }
      this.#runs.delete(runId);
      wake(run);
    };
    run.expiry = unref(setTimeout(check, ms));
  }
}

function wake(run: StoredRun): void {
  for (const watcher of [...run.watchers]) watcher();
}

// Resolves at the run's next change; rejects with AbortError when `signal` aborts first.
function changeOf(run: StoredRun, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (): void => {
      run.watchers.delete(onChange);
      signal?.removeEventListener('abort', onAbort);
    };
    const onChange = (): void => {
      settle();
      resolve();
    };
    const onAbort = (): void => {
      settle();
      reject(abortError(signal as AbortSignal));
    };
    run.watchers.add(onChange);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError('Reading the stream was aborted.', { cause: signal.reason });
}

function unref(timer: ReturnType<typeof setTimeout>): ReturnType<typeof setTimeout> {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

function isRunId(runId: unknown): runId is string {
  return typeof runId === 'string' && runId !== '' && runId.length <= 256;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) throw new TypeError(`InMemoryStreamStore: ${name} must be a positive number of ms, not ${String(value)}.`);
  return value;
}
