import type { RunEventType } from '@rivulet/core';

/**
 * A run event as `stream_events` sends it: `name`, `tags` and `metadata` only
 * when they differ from what the stream's `LabelBook` holds for the
 * event's run (or its parent), so a request's metadata crosses the wire once,
 * not once per event, and a step that adds keys to it sends only those
 * (`moreMetadata`); an `error` event's error as `{ name, message, ... }`.
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
