import { ReplaySubject, Subscription } from 'rxjs';
import { withChunks, type StreamInput } from '../run/stream-input.js';

/**
 * An input that can be read again, for steps that may run a child more than
 * once (retry, fallbacks). Upstream runs once; its chunks are kept for the
 * duration of the step. A whole input is already replayable.
 */
export function replayableInput<I>(input: StreamInput<I>): { readonly input: StreamInput<I>; readonly subscription: Subscription } {
  // A fresh container: the input's own subscription may already be closed
  // (a synchronous upstream), and adding to a closed one unsubscribes at once.
  const subscription = new Subscription();
  if (input.whole) return { input, subscription };
  const replay = new ReplaySubject<I>();
  subscription.add(input.chunks.subscribe(replay));
  return { input: withChunks(input, replay), subscription };
}
