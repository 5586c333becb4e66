import { mergeOptions } from '../run/merge-options.js';
import type { RunOptions } from '../run/run-options.js';
import type { Step } from '../run/step.js';

/** `step` with `options` applied to it and everything nested in it. */
export function configStep<I, O>(step: Step<I, O>, options: RunOptions): Step<I, O> {
  return {
    name: step.name,
    aggregator: step.aggregator,
    config: mergeOptions(step.config, options),
    doStream: (input, ctx) => step.doStream(input, ctx),
  };
}
