import { AbortError, type BatchOptions, type Runnable } from '@rivulet/core';
import { finalize, map } from 'rxjs';

/**
 * `runnable` once per input, at most `options.maxConcurrency` at a time,
 * resolving to the outputs in input order; the first failure rejects and
 * cancels the runs still in flight, at once (a run failing synchronously
 * stops the batch before the next input starts). `signal` (the request's)
 * cancels them all through one listener, whatever the batch size: the runs
 * are unsubscribed rather than handed the signal, so no listener per run is
 * ever added to it.
 */
export function runBatch<I, O, C>(runnable: Runnable<I, O, C>, inputs: readonly I[], options: BatchOptions, signal: AbortSignal): Promise<O[]> {
  return new Promise<O[]>((resolve, reject) => {
    const aborted = (): AbortError => new AbortError('The client disconnected.', { cause: signal.reason });
    if (signal.aborted) return reject(aborted());
    const outputs = new Array<O>(inputs.length);
    const abort = (): void => {
      subscription.unsubscribe();
      reject(aborted());
    };
    signal.addEventListener('abort', abort, { once: true });
    const subscription = runnable
      .batchAsCompleted(inputs, options)
      .pipe(
        map((result) => {
          if (result.error !== undefined) throw result.error;
          return result;
        }),
        finalize(() => signal.removeEventListener('abort', abort)),
      )
      .subscribe({
        next: (result) => void (outputs[result.index] = result.output as O),
        error: reject,
        complete: () => resolve(outputs),
      });
  });
}
