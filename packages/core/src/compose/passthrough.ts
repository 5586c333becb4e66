import { passthroughStep } from '../steps/passthrough-step.js';
import { Runnable } from '../runnable/runnable.js';

/**
 * Emits its input unchanged, streaming. Useful in `parallel` to keep the
 * input beside computed values.
 *
 * @example
 * ```ts
 * const withContext = parallel({ question: passthrough<string>(), context: retriever });
 * ```
 */
export function passthrough<T>(): Runnable<T, T> {
  return Runnable.from(passthroughStep<T>());
}
