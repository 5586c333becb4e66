/**
 * What a value of type `T` may look like while it streams: every property
 * optional, arrays possibly shorter with partial elements, strings possibly
 * cut short (still strings). For a chain ending in `structuredParser(schema)`
 * it is exactly the type of the parser's snapshots.
 */
export type PartialValue<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer E)[]
    ? T extends unknown[]
      ? PartialValue<E>[]
      : readonly PartialValue<E>[]
    : T extends object
      ? { [K in keyof T]?: PartialValue<T[K]> }
      : T;
