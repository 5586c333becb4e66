import { delta, type Aggregator } from '@rivulet/core';

/** How a remote runnable's chunks aggregate, declared up front. */
export type RemoteKind = 'delta' | 'snapshot';

/**
 * The aggregator of a `RemoteRunnable`. A client cannot know the remote
 * runnable's kind before its first event, so it starts from the declared
 * `kind` (delta unless told) and switches to snapshot for good the first time
 * the server sends a `patch` event, which it only does for snapshot streams.
 * Deltas combine as core's `delta()` does: strings and message chunks
 * concatenate, other values are replaced.
 */
export class RemoteAggregator<T = unknown> implements Aggregator<T> {
  #kind: RemoteKind;

  constructor(kind: RemoteKind) {
    this.#kind = kind;
  }

  get kind(): RemoteKind {
    return this.#kind;
  }

  /** Called on the first `patch` event: the remote runnable emits snapshots. */
  sawSnapshot(): void {
    this.#kind = 'snapshot';
  }

  combine(aggregate: T, chunk: T): T {
    return this.#kind === 'snapshot' ? chunk : delta<T>().combine(aggregate, chunk);
  }
}
