import { catchError, from, map, mergeMap, of, type Observable } from 'rxjs';
import { aggregate } from './aggregate.js';
import { resolveAggregator, snapshot } from './aggregator.js';
import { rootRun } from './root-run.js';
import type { BatchOptions, RunOptions } from './run-options.js';
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
export function batchResults<I, O>(step: Step<I, O>, inputs: readonly I[], options: BatchOptions = {}): Observable<BatchResult<O>> {
  const { returnExceptions: _ignored, ...runOptions } = options;
  const aggregator = resolveAggregator(step.aggregator, snapshot());
  const concurrency = positiveOrInfinity(options.maxConcurrency);
  return from(inputs).pipe(
    mergeMap(
      (input, index) =>
        aggregate(rootRun(step, inputOf(input), runOptions as RunOptions), aggregator).pipe(
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
