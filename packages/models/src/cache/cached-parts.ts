import { Observable, type Subscriber, type Subscription } from 'rxjs';
import type { ChatRequestV1, ChatStreamPartV1 } from '@rivulet/provider';
import { canonicalRequest, keyOf, type CachedModel } from './cache-key.js';
import { Flight, flightsOf, type FlightOutcome } from './flight.js';
import type { ModelCache } from './model-cache.js';
import { isWholeReply } from './whole-reply.js';

/**
 * The reply to `request`: from `cache` when it holds one (replayed part by
 * part, with no request), else from `live()`, stored once it completed whole;
 * the run completes after the store did. A failed, cancelled or truncated
 * reply is never stored.
 *
 * A run asking for a request already in flight (decided at subscription, so
 * runs started together always share) waits for it: it replays its reply, or
 * fails with its error (the same request would fail the same way). When the
 * run answering it is cancelled, the first of those waiting sends the request
 * instead, and the others wait for that one.
 */
export function cachedParts(
  cache: ModelCache,
  model: CachedModel,
  request: Omit<ChatRequestV1, 'signal'>,
  live: () => Observable<ChatStreamPartV1>,
): Observable<ChatStreamPartV1> {
  return new Observable<ChatStreamPartV1>((subscriber) => {
    const flights = flightsOf(cache);
    const canonical = canonicalRequest(model, request);
    let lead: Flight | undefined;
    let reply: Subscription | undefined;
    // Settles the flight this run leads: those waiting replay, fail, or take over.
    const land = (outcome: FlightOutcome): void => {
      if (lead === undefined) return;
      lead.settle(outcome);
      if (flights.get(canonical) === lead) flights.delete(canonical);
      lead = undefined;
    };

    const answer = async (flight: Flight): Promise<void> => {
      const key = await keyOf(model, canonical);
      const stored = await cache.get(key);
      if (subscriber.closed) return;
      if (stored !== undefined) {
        land({ type: 'reply', parts: stored.parts });
        return replay(subscriber, stored.parts);
      }
      const parts: ChatStreamPartV1[] = [];
      reply = live().subscribe({
        next(part) {
          parts.push(part);
          subscriber.next(part);
        },
        error(error: unknown) {
          land({ type: 'error', error });
          subscriber.error(error);
        },
        complete() {
          if (!isWholeReply(parts)) {
            land({ type: 'abandoned' });
            return subscriber.complete();
          }
          // Those waiting replay it now; the flight stays until stored, so a run arriving meanwhile joins it.
          flight.settle({ type: 'reply', parts });
          cache.set(key, { parts }).then(
            () => (land({ type: 'reply', parts }), subscriber.complete()),
            (error: unknown) => (land({ type: 'reply', parts }), subscriber.error(error)),
          );
        },
      });
    };

    const lookUp = (): void => {
      const running = flights.get(canonical);
      if (running !== undefined) {
        void running.outcome.then((outcome) => {
          if (subscriber.closed) return;
          if (outcome.type === 'reply') replay(subscriber, outcome.parts);
          else if (outcome.type === 'error') subscriber.error(outcome.error);
          else lookUp();
        });
        return;
      }
      const flight = (lead = new Flight());
      flights.set(canonical, flight);
      answer(flight).catch((error: unknown) => {
        land({ type: 'error', error });
        subscriber.error(error);
      });
    };

    lookUp();
    return () => {
      reply?.unsubscribe();
      land({ type: 'abandoned' });
    };
  });
}

function replay(subscriber: Subscriber<ChatStreamPartV1>, parts: readonly ChatStreamPartV1[]): void {
  for (const part of parts) {
    if (subscriber.closed) return;
    subscriber.next(part);
  }
  subscriber.complete();
}
