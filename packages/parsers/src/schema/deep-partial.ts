/**
 * What a value of type `T` may look like while it streams: every property
 * optional, arrays possibly shorter with partial elements, strings possibly cut
 * short (still strings). The type of `structuredParser`'s snapshots.
 */
export type DeepPartial<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer E)[]
    ? T extends unknown[]
      ? DeepPartial<E>[]
      : readonly DeepPartial<E>[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;
