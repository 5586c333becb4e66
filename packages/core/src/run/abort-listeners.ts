/** The listeners of one signal, behind the one listener added to the signal itself. */
interface Fanout {
  readonly listeners: Set<() => void>;
  readonly dispatch: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/**
 * Calls `listener` once when `signal` aborts; the returned function removes
 * it. However many runs share a caller's signal (a batch of thousands, or
 * parallel invokes), the signal carries one listener of ours, removed with
 * the last of them: no "possible EventTarget memory leak" warning, and
 * nothing left on the signal once the runs are over. The caller checks
 * `signal.aborted` first, as with `addEventListener`.
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  const fanout = fanouts.get(signal) ?? attach(signal);
  fanout.listeners.add(listener);
  return () => {
    if (!fanout.listeners.delete(listener) || fanout.listeners.size > 0) return;
    if (fanouts.get(signal) === fanout) fanouts.delete(signal);
    signal.removeEventListener('abort', fanout.dispatch);
  };
}

function attach(signal: AbortSignal): Fanout {
  const listeners = new Set<() => void>();
  const dispatch = (): void => {
    fanouts.delete(signal);
    // As `dispatchEvent` does: listeners added meanwhile are not called, and
    // one removed by an earlier listener is skipped.
    for (const listener of [...listeners]) if (listeners.delete(listener)) listener();
  };
  const fanout = { listeners, dispatch };
  fanouts.set(signal, fanout);
  signal.addEventListener('abort', dispatch, { once: true });
  return fanout;
}
