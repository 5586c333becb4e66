import type { PatchOperation } from '@rivulet/parsers/patch';
import type { StreamMetadata } from './wire-types.js';

/**
 * One output of a streamed run as the client rebuilds it: the stream's
 * `metadata` first (its run id and how its chunks fold), then `chunk`s (a
 * `data` event: a delta such as a piece of text, an item, a keyed chunk, whose
 * snapshot keys are rebuilt from patches) or `snapshot`s (the whole value so
 * far, rebuilt from `patch` events; `ops` are the operations since the
 * previous snapshot).
 */
export type RunStreamItem<T = unknown> =
  | ({ readonly type: 'metadata' } & StreamMetadata)
  | { readonly type: 'chunk'; readonly value: T }
  | { readonly type: 'snapshot'; readonly value: T; readonly ops: readonly PatchOperation[] };
