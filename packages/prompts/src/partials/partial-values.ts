import type { OmitVars } from '../types/merge-vars.js';

/** A value for `partial`: the value itself, or a function called at each format (it may be async). */
export type PartialValue<T> = T | (() => T | PromiseLike<T>);

/** Values for some of a template's variables. */
export type PartialValues<Vars> = { readonly [K in keyof Vars]?: PartialValue<Vars[K]> };

/** Rejects keys the template does not have, which a generic parameter would otherwise let through. */
export type NoExtraKeys<P, Vars> = P & { readonly [K in Exclude<keyof P, keyof Vars>]: never };

/** The variables still needed after `partial(values)`. */
export type VarsAfterPartial<Vars, P> = OmitVars<Vars, keyof P>;

type Mode<V> = V extends (...args: never[]) => infer R
  ? [Extract<R, PromiseLike<unknown>>] extends [never]
    ? 'sync'
    : [Exclude<R, PromiseLike<unknown>>] extends [never]
      ? 'async'
      : 'maybe'
  : 'sync';

/**
 * Whether `format` returns a promise after `partial(values)`: `true` when a
 * function surely returns one, `false` when none can, `boolean` (either) when
 * a function is typed to return a value or a promise.
 */
export type AsyncAfterPartial<Async extends boolean, P> = [Async] extends [true]
  ? true
  : 'async' extends Mode<P[keyof P]>
    ? true
    : [Async] extends [false]
      ? 'maybe' extends Mode<P[keyof P]>
        ? boolean
        : false
      : boolean;

/** What `format` returns: the output, or a promise of it when a partial function is async. */
export type FormatResult<O, Async extends boolean> = Async extends true ? Promise<O> : O;
