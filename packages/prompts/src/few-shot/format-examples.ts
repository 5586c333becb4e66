import { InputError } from '@rivulet/core';
import { isPromiseLike } from '../partials/maybe-promise.js';

/**
 * Formats every example now, at construction: examples are fixed, so a
 * mistake in one surfaces at once and formatting later costs nothing.
 */
export function formatExamples<Ex, O>(examples: readonly Ex[], format: (example: Ex) => O | Promise<O>): O[] {
  if (!Array.isArray(examples)) throw new InputError('Few-shot `examples` must be an array');
  return examples.map((example, index) => {
    let output: O | Promise<O>;
    try {
      output = format(example);
    } catch (error) {
      if (!InputError.isInstance(error)) throw error;
      throw new InputError(`Few-shot example ${index}: ${error.message}`, { variables: error.variables, cause: error });
    }
    if (isPromiseLike(output)) {
      Promise.resolve(output).catch(() => undefined);
      throw new InputError('A few-shot example prompt must format synchronously (it has an async partial value)');
    }
    return output;
  });
}
