import { Runnable } from '../runnable/runnable.js';

/**
 * Emits its input unchanged, streaming; its chunks aggregate the way the
 * input's do. Useful in `parallel` to keep the input beside computed values.
 *
 * @example
 * ```ts
 * const withContext = parallel({ question: passthrough<string>(), context: retriever });
 * ```
 */
export function passthrough<T>(): Runnable<T, T> {
  return Runnable.from<T, T>({ name: 'passthrough', aggregation: (input) => input, doStream: (input) => input.chunks });
}
