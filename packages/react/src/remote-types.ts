import type { RemoteRunnable } from '@rivulet/server';

/**
 * What `useRunnable` accepts besides a URL: anything with the served
 * runnable's base `url` and a typed `invoke`, such as a `RemoteRunnable`, so
 * the hook takes its input and output types from it.
 */
export interface RemoteLike<I, O> {
  /** The handler's base URL: `/api/trip` for the routes `/api/trip/stream`, ... */
  readonly url: string;
  /** Never called by the hook: its signature carries the input and output types. */
  invoke(input: I, ...rest: never[]): Promise<O>;
}

// Type arguments as RemoteRunnable reads them: the served runnable's type (`typeof chain`), or `I, O, C` written out.

/** The input of the runnable `useRunnable<T, O, C>` stands for. */
export type RemoteInputOf<T, O, C> = Parameters<RemoteRunnable<T, O, C>['invoke']>[0];

/** The output of the runnable `useRunnable<T, O, C>` stands for. */
export type RemoteOutputOf<T, O, C> = Awaited<ReturnType<RemoteRunnable<T, O, C>['invoke']>>;
