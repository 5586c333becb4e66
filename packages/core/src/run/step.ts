import type { Observable } from 'rxjs';
import type { AggregatorSpec } from './aggregator.js';
import type { RunContext } from './run-context.js';
import type { RunOptions } from './run-options.js';
import type { StreamInput } from './stream-input.js';

/**
 * The unit the runtime runs: what every `Runnable` is, and what composite steps
 * (sequence, parallel, retry, ...) are built from.
 */
export interface Step<I, O> {
  /** The name events carry. */
  readonly name: string;
  /** How the step's chunks aggregate into its `invoke` result. */
  readonly aggregator: AggregatorSpec<O>;
  /** Options the step applies to itself and everything nested in it (`withConfig`). */
  readonly config?: RunOptions | undefined;
  /**
   * Turns input chunks into output chunks. Called by the runtime through
   * `runStep`, which adds events and config; not for users to call directly.
   */
  doStream(input: StreamInput<I>, ctx: RunContext): Observable<O>;
}
