import type { ChunkOf, InputOf, OutputOf, Runnable } from '@rivulet/core';

/**
 * Whether a `RemoteRunnable`'s first type argument is the served runnable's
 * type (`typeof chain`) rather than its input type. `any` and `never` stay
 * input types: `RemoteRunnable<never>` is a remote of unknown input.
 */
export type IsServedRunnable<T> = 0 extends 1 & T ? false : [T] extends [never] ? false : [T] extends [Runnable<never, unknown, unknown>] ? true : false;

/** The input of `RemoteRunnable<T>`: the served runnable's, or `T` itself. */
export type RemoteInput<T> = IsServedRunnable<T> extends true ? InputOf<T> : T;

/** The output of `RemoteRunnable<T, O>`: the served runnable's, or `O`. */
export type RemoteOutput<T, O> = IsServedRunnable<T> extends true ? OutputOf<T> : O;

/** The chunk of `RemoteRunnable<T, O, C>`: the served runnable's, or `C`. */
export type RemoteChunk<T, C> = IsServedRunnable<T> extends true ? ChunkOf<T> : C;
