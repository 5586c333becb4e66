/** Receives the values of a {@link SubscribableV1}. */
export interface ObserverV1<T> {
  next(value: T): void;
  error(error: unknown): void;
  complete(): void;
}

/**
 * Anything with rxjs's `subscribe` shape, so a provider may return an rxjs
 * `Observable` without the contract depending on rxjs. Unsubscribing must stop
 * all work.
 */
export interface SubscribableV1<T> {
  subscribe(observer: ObserverV1<T>): { unsubscribe(): void };
}
