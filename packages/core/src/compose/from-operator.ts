import type { OperatorFunction } from 'rxjs';
import type { Aggregation } from '../aggregation/aggregation.js';
import { Runnable } from '../runnable/runnable.js';
import type { StreamStepOptions } from './transform.js';

/**
 * Any RxJS operator as a streaming step: it is applied to the input chunks
 * as they arrive, and what it emits are the step's chunks (aggregating as
 * deltas unless `options.aggregation` says otherwise).
 *
 * @example
 * ```ts
 * const words = fromOperator((chunks: Observable<string>) => chunks.pipe(filter((t) => t.trim() !== '')));
 * const chain = model.pipe(textParser()).pipe(words);
 * ```
 */
export function fromOperator<I, C>(operator: OperatorFunction<I, C>, options?: { readonly name?: string | undefined }): Runnable<I, C>;
export function fromOperator<I, O, C>(operator: OperatorFunction<I, C>, options: StreamStepOptions<C, O> & { readonly aggregation: Aggregation<C, O> }): Runnable<I, O, C>;
export function fromOperator<I, O, C>(operator: OperatorFunction<I, C>, options: StreamStepOptions<C, O> = {}): Runnable<I, O, C> {
  return Runnable.from<I, O, C>({
    name: options.name ?? 'fromOperator',
    aggregation: options.aggregation ?? { kind: 'delta' },
    doStream: (input) => operator(input.chunks),
  });
}
