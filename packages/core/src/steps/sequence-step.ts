import type { Observable } from 'rxjs';
import { resolveAggregation, type AggregationSpec } from '../aggregation/aggregation.js';
import { runStep } from '../run/run-step.js';
import type { AnyStep, Step } from '../run/step.js';
import { inputFrom, type StreamInput } from '../run/stream-input.js';

/**
 * Steps run one after another, each fed the previous one's chunks as they
 * arrive: streaming steps stream through, steps needing a whole input
 * aggregate it first. Nested sequences are flattened.
 */
export function sequenceStep<I, O, C>(steps: readonly AnyStep[], name?: string): Step<I, O, C> {
  const flat = steps.flatMap((step) => (isSequence(step) && step.config === undefined ? step.steps : [step]));
  const sequence: SequenceStep<I, O, C> = {
    name: name ?? 'sequence',
    steps: flat,
    aggregation: sequenceAggregation(flat),
    doStream(input: StreamInput<I>, ctx): Observable<C> {
      let current: StreamInput<unknown> = input;
      for (const step of flat) {
        const upstream = current;
        current = inputFrom(runStep(step, upstream, ctx), () => resolveAggregation(step.aggregation as AnyStep['aggregation'], upstream.aggregation));
      }
      return current.chunks as Observable<C>;
    },
  };
  return sequence;
}

interface SequenceStep<I, O, C> extends Step<I, O, C> {
  readonly steps: readonly AnyStep[];
}

function isSequence(step: AnyStep): step is SequenceStep<unknown, unknown, unknown> {
  return Array.isArray((step as Partial<SequenceStep<unknown, unknown, unknown>>).steps);
}

/** The last step's aggregation, with derived ones resolved through the steps before it. */
function sequenceAggregation<C, O>(steps: readonly AnyStep[]): AggregationSpec<C, O> {
  return (input) => steps.reduce((previous, step) => resolveAggregation(step.aggregation as AnyStep['aggregation'], previous), input);
}
