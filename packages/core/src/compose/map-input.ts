import type { Runnable } from '../runnable/runnable.js';

/** The input a runnable-like accepts. */
type InputOfLike<R> = R extends Runnable<infer I, unknown, unknown> ? I : R extends (input: infer I, ctx: never) => unknown ? I : unknown;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The input of an object map of runnable-likes: what every entry accepts. */
export type MapInput<M> = UnionToIntersection<{ [K in keyof M]: InputOfLike<M[K]> }[keyof M]>;
