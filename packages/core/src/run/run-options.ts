import type { RunEvent, RunStartEvent, RunChunkEvent, RunEndEvent, RunErrorEvent } from './run-events.js';

/**
 * Handlers for the events of a run and every step nested in it. A handler that
 * throws is reported on `console.error` and never breaks the run.
 */
export interface RunCallbacks {
  /** Every event, whatever its type. */
  onEvent?(event: RunEvent): void;
  /** A step began. */
  onStart?(event: RunStartEvent): void;
  /** A step emitted a chunk. */
  onChunk?(event: RunChunkEvent): void;
  /** A step finished, with its aggregated output. */
  onEnd?(event: RunEndEvent): void;
  /** A step failed. */
  onError?(event: RunErrorEvent): void;
}

/** Options of one run. They propagate to every nested step. */
export interface RunOptions {
  /** Aborting it cancels the run all the way down; the run ends with `AbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds the whole run may take; past that it ends with `TimeoutError`. */
  readonly timeout?: number | undefined;
  /** Labels added to the events of this run and its nested steps. */
  readonly tags?: readonly string[] | undefined;
  /** Data added to the events of this run and its nested steps. */
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
  /** The name events give this step (nested steps keep their own). */
  readonly runName?: string | undefined;
  /** How many runs `batch` (here and in nested steps) keeps in flight at once. */
  readonly maxConcurrency?: number | undefined;
  /** Event handlers for this run and its nested steps. */
  readonly callbacks?: RunCallbacks | readonly RunCallbacks[] | undefined;
  /** Free-form settings that steps read at run time (e.g. a model name to use). */
  readonly configurable?: Readonly<Record<string, unknown>> | undefined;
}

/** Options of `batch` and `batchAsCompleted`: each input is one run with these options. */
export interface BatchOptions extends RunOptions {
  /** Resolve failed inputs to their `Error` instead of rejecting the whole batch. */
  readonly returnExceptions?: boolean | undefined;
}
