import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { RemoteInputOf, RemoteLike, RemoteOutputOf } from './remote-types.js';
import type { RunState } from './run-state.js';
import { RunStore } from './run-store.js';
import type { UseRunnableOptions } from './use-runnable-options.js';

/** What `useRunnable` returns: the run's state, and the two actions on it (stable from one render to the next). */
export interface UseRunnableResult<I, O> extends RunState<O> {
  /** Starts a run with `input`; a run still in progress is stopped first, and its server run cancelled. */
  run(input: I): void;
  /** Stops the run in progress (its server run is cancelled) and keeps its value so far; a no-op when none is. */
  stop(): void;
}

/**
 * Streams a runnable served with `createHandler` into a component. `value` is
 * the output so far, folded as the server says its chunks fold (structured
 * output: the latest snapshot; text: the text so far), typed from the served
 * runnable. The component re-renders at most once per animation frame however
 * fast chunks arrive, and a subtree of `value` that did not change keeps its
 * identity, so memoised children skip their render. `stop()`, a new `run()`
 * and unmounting close the connection, which cancels the run on the server.
 *
 * Give the type of the served runnable (imported type-only, so no server code
 * reaches the bundle), its input and output types, or a `RemoteRunnable`.
 * Safe to render on a server: nothing runs until `run` is called.
 *
 * @example
 * ```tsx
 * import type { tripChain } from '../server/trip-chain.js';
 *
 * function Trip() {
 *   const { value, status, run, stop } = useRunnable<typeof tripChain>('/api/trip');
 *   return (
 *     <>
 *       <button onClick={() => run({ destination: 'Lisbon', days: 3 })}>Plan</button>
 *       {status === 'streaming' && <button onClick={stop}>Stop</button>}
 *       <h2>{value?.destination}</h2>
 *       {value?.days?.map((day, i) => <Day key={i} day={day} />)}
 *     </>
 *   );
 * }
 * ```
 */
export function useRunnable<T = unknown, O = unknown, C = O>(
  url: string | URL,
  options?: UseRunnableOptions<RemoteOutputOf<T, O, C>>,
): UseRunnableResult<RemoteInputOf<T, O, C>, RemoteOutputOf<T, O, C>>;
export function useRunnable<I, O>(remote: RemoteLike<I, O>, options?: UseRunnableOptions<O>): UseRunnableResult<I, O>;
export function useRunnable<I, O>(source: string | URL | RemoteLike<I, O>, options: UseRunnableOptions<O> = {}): UseRunnableResult<I, O> {
  const url = typeof source === 'object' && 'url' in source ? source.url : String(source);
  const [store] = useState(() => new RunStore<I, O>({ url, options }));
  useEffect(() => store.configure({ url, options }));
  useEffect(() => () => store.dispose(), [store]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return useMemo(() => ({ ...state, run: store.run, stop: store.stop }), [state, store]);
}
