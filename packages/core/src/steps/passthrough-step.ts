import type { Step } from '../run/step.js';

/** Emits its input chunks unchanged; they aggregate the way the input does. */
export function passthroughStep<T>(): Step<T, T> {
  return { name: 'passthrough', aggregator: 'input', doStream: (input) => input.chunks };
}
