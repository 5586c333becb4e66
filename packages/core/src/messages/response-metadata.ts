/**
 * Provider extras of a response (citations, search results, raw finish reason, model name).
 * A provider types its own by extending this with optional keys, so that known keys are
 * typed and any other key still reads as `unknown`.
 *
 * @example
 * ```ts
 * interface MyProviderMetadata extends ResponseMetadata {
 *   readonly requestId?: string | undefined;
 * }
 * ```
 */
export type ResponseMetadata = Readonly<Record<string, unknown>>;

/** The shared empty metadata, so messages without extras allocate nothing. */
export const emptyMetadata: ResponseMetadata = Object.freeze({});

/**
 * `metadata` frozen: itself when already frozen, else a frozen copy without `undefined` values.
 * No metadata is the empty object, which every provider's type allows (its keys are optional).
 */
export function freezeMetadata<M extends ResponseMetadata>(metadata: M | undefined): M {
  if (metadata === undefined) return emptyMetadata as M;
  if (Object.isFrozen(metadata)) return metadata;
  return mergeMetadata(emptyMetadata as M, metadata);
}

/**
 * Shallow merge of an earlier and a later chunk's metadata: later keys win and arrays
 * (citations, search results) are replaced, never appended, because providers resend
 * the whole list rather than a delta. `undefined` values do not erase earlier ones.
 */
export function mergeMetadata<M extends ResponseMetadata>(earlier: M, later: M): M {
  const keys = Object.keys(later);
  if (keys.length === 0) return earlier;
  const merged: Record<string, unknown> = { ...earlier };
  for (const key of keys) {
    const value = later[key];
    // defineProperty, because assigning a `__proto__` key from parsed JSON would set the prototype.
    if (value !== undefined) Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return Object.freeze(merged) as M;
}
