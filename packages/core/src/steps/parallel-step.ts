import { Observable, Subject, Subscription } from 'rxjs';
import { keyedAggregator } from '../run/keyed-aggregator.js';
import { resolveAggregator, type Aggregator } from '../run/aggregator.js';
import { runStep } from '../run/run-step.js';
import { setOwn } from '../run/set-own.js';
import type { Step } from '../run/step.js';

/**
 * Runs every step of `steps` on the same input at once and emits keyed chunks
 * (`{ key: chunk }`) as they arrive; `invoke` aggregates them per key into one
 * object. The input is read once and shared.
 */
export function parallelStep(steps: Readonly<Record<string, Step<unknown, unknown>>>, name = 'parallel'): Step<unknown, Record<string, unknown>> {
  const entries = Object.entries(steps);
  return {
    name,
    aggregator: (input) => keyedAggregator(aggregatorsOf(entries, input)),
    doStream: (input, ctx) =>
      new Observable<Record<string, unknown>>((subscriber) => {
        if (entries.length === 0) {
          subscriber.next({});
          subscriber.complete();
          return;
        }
        const shared = new Subject<unknown>();
        const subscription = new Subscription();
        let running = entries.length;
        for (const [key, step] of entries) {
          const child = runStep(step, { ...input, chunks: shared }, ctx).subscribe({
            next(chunk) {
              const keyed: Record<string, unknown> = {};
              setOwn(keyed, key, chunk);
              subscriber.next(keyed);
            },
            error: (error: unknown) => subscriber.error(error),
            complete: () => {
              if (--running === 0) subscriber.complete();
            },
          });
          subscription.add(child);
        }
        // Every child has subscribed to `shared` by now, so none misses a chunk.
        subscription.add(input.chunks.subscribe(shared));
        return subscription;
      }),
  };
}

function aggregatorsOf(entries: readonly [string, Step<unknown, unknown>][], input: Aggregator<unknown>): Record<string, Aggregator<unknown>> {
  const result: Record<string, Aggregator<unknown>> = {};
  for (const [key, step] of entries) setOwn(result, key, resolveAggregator(step.aggregator, input));
  return result;
}
