import type { ChatStreamPartV1 } from '@rivulet/provider';
import type { ModelCache } from './model-cache.js';

/** How a miss that other runs waited for ended. */
export type FlightOutcome =
  | { readonly type: 'reply'; readonly parts: readonly ChatStreamPartV1[] }
  | { readonly type: 'error'; readonly error: unknown }
  /** Its run was cancelled, or its reply cut short: a waiting run sends the request itself. */
  | { readonly type: 'abandoned' };

/**
 * A cache miss being answered. Runs that ask for the same key meanwhile wait
 * for its outcome instead of sending the same request again.
 */
export class Flight {
  readonly outcome: Promise<FlightOutcome>;
  #settle: ((outcome: FlightOutcome) => void) | undefined;

  constructor() {
    this.outcome = new Promise((resolve) => (this.#settle = resolve));
  }

  /** Settles the outcome; later calls change nothing. */
  settle(outcome: FlightOutcome): void {
    this.#settle?.(outcome);
    this.#settle = undefined;
  }
}

// Per store, so every model sharing a store shares its misses in flight (in this process).
const flights = new WeakMap<ModelCache, Map<string, Flight>>();

/** The misses in flight on `cache`, by key. */
export function flightsOf(cache: ModelCache): Map<string, Flight> {
  let byKey = flights.get(cache);
  if (byKey === undefined) flights.set(cache, (byKey = new Map()));
  return byKey;
}
