/** Receives the values of a {@link SubscribableV1}. */
export interface ObserverV1<T> {
  /** One value of the stream. */
  next(value: T): void;
  /** The stream failed; nothing follows. */
  error(error: unknown): void;
  /** The stream ended; nothing follows. */
  complete(): void;
}

/** What {@link SubscribableV1.subscribe} returns: a way to stop. */
export interface UnsubscribableV1 {
  /** Stops the stream and all its work (an HTTP request is aborted). */
  unsubscribe(): void;
}

/**
 * Anything with rxjs's `subscribe` shape, so a provider may return an rxjs
 * `Observable` without the contract depending on rxjs. Unsubscribing must stop
 * all work.
 */
export interface SubscribableV1<T> {
  /** Starts the stream, delivering to `observer`. */
  subscribe(observer: ObserverV1<T>): UnsubscribableV1;
}
