import type { Observable } from 'rxjs';
import { resolveAggregator, type AggregatorSpec } from '../run/aggregator.js';
import { runStep } from '../run/run-step.js';
import type { Step } from '../run/step.js';
import { inputFrom, type StreamInput } from '../run/stream-input.js';

/**
 * Steps run one after another, each fed the previous one's chunks as they
 * arrive: streaming steps stream through, steps needing a whole input
 * aggregate it first. Nested sequences are flattened.
 */
export function sequenceStep(steps: readonly Step<unknown, unknown>[], name?: string): Step<unknown, unknown> {
  const flat = steps.flatMap((step) => (isSequence(step) && step.config === undefined ? step.steps : [step]));
  return {
    name: name ?? 'sequence',
    steps: flat,
    aggregator: sequenceAggregator(flat),
    doStream(input: StreamInput<unknown>, ctx): Observable<unknown> {
      let current = input;
      for (const step of flat) {
        current = inputFrom(runStep(step, current, ctx), resolveAggregator(step.aggregator, current.aggregator));
      }
      return current.chunks;
    },
  } as SequenceStep;
}

interface SequenceStep extends Step<unknown, unknown> {
  readonly steps: readonly Step<unknown, unknown>[];
}

function isSequence(step: Step<unknown, unknown>): step is SequenceStep {
  return Array.isArray((step as Partial<SequenceStep>).steps);
}

/** The last step's aggregator, with `'input'` resolved through the steps before it. */
function sequenceAggregator(steps: readonly Step<unknown, unknown>[]): AggregatorSpec<unknown> {
  return (input) => steps.reduce((previous, step) => resolveAggregator(step.aggregator, previous), input);
}
