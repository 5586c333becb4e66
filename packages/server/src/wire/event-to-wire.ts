import type { RunEvent } from '@rivulet/core';
import { errorToJSON } from './error-to-json.js';
import type { LabelBook, RunLabels } from '../client/run-labels.js';
import type { WireRunEvent } from '../client/wire-run-event.js';

/**
 * `event` as `stream_events` sends it: its labels left out where `book` says
 * the client has them already (and the book updated), and the error of an
 * `error` event through {@link errorToJSON} (an `Error` would serialize as
 * `{}`); chunks and outputs serialize themselves (messages have `toJSON`).
 * Call it on every event of a stream, in order: the client restores labels
 * by replaying the same book.
 */
export function eventToWire(event: RunEvent, book: LabelBook, debug: boolean): WireRunEvent {
  const { name, tags, metadata, ...rest } = event;
  const base = book.baseOf(event.runId, event.parentRunId);
  book.record(event.type, event.runId, { name, tags, metadata });
  return {
    ...rest,
    ...(name !== base.name && { name }),
    ...(!sameTags(tags, base.tags) && { tags }),
    ...metadataToWire(metadata, base.metadata),
    ...(event.type === 'error' && { data: { error: errorToJSON(event.data.error, debug) } }),
  };
}

// Nothing when unchanged; only the keys added or changed when the run's metadata extends its base
// (a model run adds its `rivulet.model`: the caller's metadata must not cross the wire again); else whole.
function metadataToWire(metadata: RunLabels['metadata'], base: RunLabels['metadata']): Pick<WireRunEvent, 'metadata' | 'moreMetadata'> {
  if (sameMetadata(metadata, base)) return {};
  if (Object.keys(base).length === 0) return { metadata };
  let more: Record<string, unknown> | undefined = {};
  for (const key of Object.keys(base)) {
    if (!Object.hasOwn(metadata, key)) {
      more = undefined; // a key went away: only the whole says so
      break;
    }
  }
  if (more === undefined) return { metadata };
  for (const [key, value] of Object.entries(metadata)) {
    if (Object.hasOwn(base, key) && base[key] === value) continue;
    Object.defineProperty(more, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { moreMetadata: more };
}

function sameTags(a: RunLabels['tags'], b: RunLabels['tags']): boolean {
  return a === b || (a.length === b.length && a.every((tag, i) => tag === b[i]));
}

// Nested steps share their parent's metadata object unless they add to it: identity settles most events.
function sameMetadata(a: RunLabels['metadata'], b: RunLabels['metadata']): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}
