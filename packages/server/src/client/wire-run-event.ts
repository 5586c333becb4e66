import type { RunEventType } from '@rivulet/core';
import type { PatchOperation } from '@rivulet/parsers/patch';

/**
 * A run event as `stream_events` sends it: `name`, `tags` and `metadata` only
 * when they differ from what the stream's `LabelBook` holds for the
 * event's run (or its parent), so a request's metadata crosses the wire once,
 * not once per event, and a step that adds keys to it sends only those
 * (`moreMetadata`); an `error` event's error as `{ name, message, ... }`;
 * a `start` event's `data` with its `aggregate` (how the step's chunks fold);
 * a `chunk` event's `data` as {@link WireChunkData}.
 */
export interface WireRunEvent {
  readonly type: RunEventType;
  readonly runId: string;
  readonly parentRunId?: string;
  readonly name?: string;
  readonly tags?: readonly string[];
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** In place of `metadata` when the run's metadata is its base's plus these keys (added or changed). */
  readonly moreMetadata?: Readonly<Record<string, unknown>>;
  readonly data: unknown;
}

/**
 * The `data` of a `chunk` event on the wire. A snapshot, sent whole with
 * every chunk, would make the bytes of a growing document quadratic, so the
 * chunks of a run whose `start` announced a rule with a snapshot part travel
 * as JSON Patch operations from the run's previous chunk, as `/stream` sends
 * them:
 *
 * - `{ chunk }`: the chunk itself (rules without snapshots: text deltas,
 *   message chunks, items).
 * - `{ patch }`: the chunk of a `snapshot` run, as the operations that turn
 *   the run's previous chunk into it (the first one an `add` at `""`; none:
 *   the same value again).
 * - `{ chunk?, patches }`: the chunk of a `keyed` run with snapshot keys (at
 *   any depth): `chunk` holds its other keys, `patches` the operations of
 *   each snapshot value present, by the value's JSON Pointer in the chunk
 *   (`"/plan"`), with paths inside that value, from that key's previous value
 *   in the run.
 *
 * The client keeps, per run in flight, the values it rebuilt, and forgets
 * them at the run's `end` or `error`.
 */
export type WireChunkData =
  | { readonly chunk: unknown }
  | { readonly patch: readonly PatchOperation[] }
  | { readonly chunk?: unknown; readonly patches: Readonly<Record<string, readonly PatchOperation[]>> };
