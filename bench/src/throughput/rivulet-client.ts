import { RemoteRunnable } from '@rivulet/server';
import type { TripPlan } from './trip-document.js';
import { tripInput, type TripInput } from './trip-request.js';

/** A plan while it streams, as the client's snapshots give it. */
type PartialTripPlan = Partial<TripPlan>;

/**
 * A client of Rivulet's server: `new RemoteRunnable({ url }).stream(input)`
 * read to the end, each snapshot rebuilt from the server's patches. Resolves
 * to the last snapshot: the plan, if everything arrived.
 */
export function rivuletClient(url: string): () => Promise<unknown> {
  const remote = new RemoteRunnable<TripInput, TripPlan, PartialTripPlan>({ url });
  return async () => {
    let last: PartialTripPlan | undefined;
    for await (const snapshot of remote.stream(tripInput)) last = snapshot;
    return last;
  };
}
