import { Observable, Subject, Subscription } from 'rxjs';
import { resolveAggregation, type AggregationRule, type KeyedRule } from '../aggregation/aggregation.js';
import { runStep } from '../run/run-step.js';
import { setOwn } from '../run/set-own.js';
import { withChunks } from '../run/stream-input.js';
import type { AnyStep, Step } from '../run/step.js';

/**
 * Runs every step of `steps` on the same input at once and emits keyed chunks
 * (`{ key: chunk }`) as they arrive; they fold per key, each by its step's own
 * aggregation, into one object. The input is read once and shared.
 */
export function parallelStep<I, O extends object, C extends object>(steps: Readonly<Record<string, AnyStep>>, name = 'parallel'): Step<I, O, C> {
  const entries = Object.entries(steps);
  return {
    name,
    aggregation: (input) => keyedOf(entries, input),
    doStream: (input, ctx) =>
      new Observable<C>((subscriber) => {
        if (entries.length === 0) {
          subscriber.next({} as C);
          subscriber.complete();
          return;
        }
        const shared = new Subject<I>();
        const subscription = new Subscription();
        let running = entries.length;
        for (const [key, step] of entries) {
          const child = runStep(step, withChunks(input, shared), ctx).subscribe({
            next(chunk: unknown) {
              const keyed: Record<string, unknown> = {};
              setOwn(keyed, key, chunk);
              subscriber.next(keyed as C);
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

/** The keyed rule of a map of steps, each key's resolved against the shared input's rule. */
export function keyedOf(entries: readonly (readonly [string, AnyStep])[], input: AggregationRule): KeyedRule {
  const keys: Record<string, AggregationRule> = {};
  for (const [key, step] of entries) setOwn(keys, key, resolveAggregation(step.aggregation as AnyStep['aggregation'], input));
  return { kind: 'keyed', keys };
}
