import { catchError, from, map, mergeMap, of, type Observable } from 'rxjs';
import { resolveAggregation, snapshot, type Aggregation } from '../aggregation/aggregation.js';
import { foldStream } from '../aggregation/fold-stream.js';
import { rootRun } from './root-run.js';
import type { BatchOptions } from './run-options.js';
import type { Step } from './step.js';
import { inputOf } from './stream-input.js';

/** The outcome of one input of a batch: its output, or the error it failed with. */
export interface BatchResult<O> {
  readonly index: number;
  readonly output?: O;
  readonly error?: Error;
}

/**
 * Runs `step` once per input, at most `maxConcurrency` at a time, and emits
 * each outcome as it completes. Failures are outcomes, never stream errors.
 */
export function batchResults<I, O, C>(step: Step<I, O, C>, inputs: readonly I[], options: BatchOptions = {}): Observable<BatchResult<O>> {
  const { returnExceptions: _ignored, ...runOptions } = options;
  const aggregation = (): Aggregation<C, O> => resolveAggregation(step.aggregation, snapshot());
  const concurrency = positiveOrInfinity(options.maxConcurrency);
  return from(inputs).pipe(
    mergeMap(
      (input, index) =>
        foldStream(rootRun(step, inputOf(input), runOptions), aggregation).pipe(
          map((output): BatchResult<O> => ({ index, output })),
          catchError((error: unknown) => of<BatchResult<O>>({ index, error: asError(error) })),
        ),
      concurrency,
    ),
  );
}

function positiveOrInfinity(value: number | undefined): number {
  return value !== undefined && value >= 1 ? Math.floor(value) : Number.POSITIVE_INFINITY;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
