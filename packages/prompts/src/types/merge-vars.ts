import type { AnyVars, EmptyVars } from './empty-vars.js';
import type { Simplify } from './simplify.js';

/**
 * The variables of two templates used together. `EmptyVars` is an identity here:
 * intersected as is, its `never` index signature would poison every other key.
 */
export type MergeVars<A, B> = [A] extends [EmptyVars]
  ? B
  : [B] extends [EmptyVars]
    ? A
    : string extends keyof A | keyof B
      ? Simplify<A & B & AnyVars>
      : Simplify<A & B>;

/** The variables left once the keys `K` are supplied (by `partial`). */
export type OmitVars<V, K extends PropertyKey> = string extends keyof V
  ? V
  : [Exclude<keyof V, K>] extends [never]
    ? EmptyVars
    : Simplify<Omit<V, K>>;
