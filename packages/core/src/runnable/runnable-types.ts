import type { Observable } from 'rxjs';
import type { RunContext } from '../run/run-context.js';
import type { Runnable } from './runnable.js';

/** A function usable wherever a runnable is: it gets the whole input and the run context. */
export type RunnableFunction<I, O> = (input: I, ctx: RunContext) => O | Promise<O> | AsyncIterable<O> | Observable<O>;

/** An object whose values are runnable-likes; as a step, they run in parallel on the same input. */
export interface RunnableMap<I> {
  readonly [key: string]: RunnableLike<I, unknown>;
}

/** Anything accepted where a runnable is: a `Runnable`, a function, or an object map of those. */
export type RunnableLike<I, O> = Runnable<I, O, unknown> | RunnableFunction<I, O> | RunnableMap<I>;

/** What a function's return value streams: the element of an observable or async iterable, or the awaited value. */
export type StreamedValue<R> =
  R extends Observable<infer T> ? T : R extends PromiseLike<infer T> ? T : R extends AsyncIterable<infer T> ? T : R;

/** The output type of a runnable-like. */
export type OutputOf<R> =
  R extends Runnable<never, infer O, unknown>
    ? O
    : R extends (input: never, ctx: never) => infer Result
      ? StreamedValue<Result>
      : R extends RunnableMap<never>
        ? { [K in keyof R]: OutputOf<R[K]> }
        : never;

/** The input type of a runnable. */
export type InputOf<R> = R extends Runnable<infer I, unknown, unknown> ? I : never;

/** The chunk type a runnable-like streams. */
export type ChunkOf<R> =
  R extends Runnable<never, unknown, infer C>
    ? C
    : R extends (input: never, ctx: never) => infer Result
      ? StreamedValue<Result>
      : R extends RunnableMap<never>
        ? MapChunk<R>
        : never;

/** A chunk of an object map run in parallel: some keys, each holding a chunk of its entry. */
export type MapChunk<M> = { [K in keyof M]?: ChunkOf<M[K]> };

/** The output of an object map of runnable-likes. */
export type MapOutput<M> = { [K in keyof M]: OutputOf<M[K]> };
