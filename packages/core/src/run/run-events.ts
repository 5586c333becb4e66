import type { AggregationRule } from '../aggregation/aggregation.js';

/** Fields every run event carries. */
interface RunEventBase {
  /** The run of the step that emitted the event; unique per step execution. */
  readonly runId: string;
  /** The run of the enclosing step, absent for the root. */
  readonly parentRunId?: string;
  /** The step's name (or its `runName`). */
  readonly name: string;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * A step began work. `input` is set when the step received its input whole.
 * `aggregate` says how the step's chunks fold into its output (deltas join,
 * snapshots: the last wins, ...), as the plain rule a `stream` response
 * announces in its `metadata` event, so a consumer of the events (or a server
 * sending them, which turns snapshot chunks into patches) knows it before
 * the first chunk.
 */
export interface RunStartEvent extends RunEventBase {
  readonly type: 'start';
  readonly data: { readonly input?: unknown; readonly aggregate: AggregationRule };
}

/** A step emitted a chunk. */
export interface RunChunkEvent extends RunEventBase {
  readonly type: 'chunk';
  readonly data: { readonly chunk: unknown };
}

/** A step finished; `output` is the aggregate of its chunks. */
export interface RunEndEvent extends RunEventBase {
  readonly type: 'end';
  readonly data: { readonly output: unknown };
}

/** A step failed. */
export interface RunErrorEvent extends RunEventBase {
  readonly type: 'error';
  readonly data: { readonly error: Error };
}

/**
 * What `streamEvents` yields and callbacks receive, for every nested step, in
 * causal order: a step's `start` precedes its chunks, a child's `end` precedes
 * its parent's.
 */
export type RunEvent = RunStartEvent | RunChunkEvent | RunEndEvent | RunErrorEvent;

/** The event types. */
export type RunEventType = RunEvent['type'];
