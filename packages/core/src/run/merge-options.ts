import type { RunOptions } from './run-options.js';

/**
 * `outer` layered over `inner`: scalar options of `outer` win, tags and
 * callbacks accumulate, metadata and configurable merge key by key.
 */
export function mergeOptions(inner: RunOptions | undefined, outer: RunOptions | undefined): RunOptions | undefined {
  if (outer === undefined) return inner;
  if (inner === undefined) return outer;
  return {
    ...inner,
    ...definedOnly(outer),
    tags: [...(inner.tags ?? []), ...(outer.tags ?? [])],
    metadata: { ...inner.metadata, ...outer.metadata },
    configurable: { ...inner.configurable, ...outer.configurable },
    callbacks: [...asArray(inner.callbacks), ...asArray(outer.callbacks)],
  };
}

function asArray<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** Drops keys set to `undefined`, so they do not hide the inner value. */
function definedOnly(options: RunOptions): RunOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as RunOptions;
}
