import type { RemoteError } from '@rivulet/server/client';
import type { PartialValue } from './partial-value.js';

/**
 * Where a run stands: `idle` before the first `run`, `streaming` while chunks
 * arrive, then `done` (the run finished), `error` (it failed) or `stopped`
 * (`stop()` ended it).
 */
export type RunStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

/** What a component sees of its run, published at most once per animation frame while chunks arrive. */
export interface RunState<O> {
  /**
   * The output so far, folded from the chunks by the rule the server announced
   * (snapshots replace, text deltas join, items collect, keyed chunks merge per
   * key); a subtree that did not change keeps its identity from one render to
   * the next. `undefined` (or `initialValue`) before the first chunk; kept as
   * it was when the run stops or fails.
   */
  readonly value: PartialValue<O> | undefined;
  /** Where the run stands; see {@link RunStatus}. */
  readonly status: RunStatus;
  /** Why the run failed, with `status: 'error'`: the server's error (`name` says which), or `ProviderError` when it could not be reached. */
  readonly error: RemoteError | undefined;
}
