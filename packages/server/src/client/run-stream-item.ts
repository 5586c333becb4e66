import type { PatchOperation } from '@rivulet/parsers/patch';

/**
 * One output of a streamed run as the client rebuilds it: a `chunk` (a `data`
 * event: a delta such as a piece of text) or a `snapshot` (a `patch` event
 * applied to the previous snapshot: the whole value so far).
 */
export type RunStreamItem<T = unknown> =
  | { readonly type: 'chunk'; readonly value: T }
  | { readonly type: 'snapshot'; readonly value: T; readonly ops: readonly PatchOperation[] };
