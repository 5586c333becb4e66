import type { Observable } from 'rxjs';
import type { AggregationSpec } from '../aggregation/aggregation.js';
import type { RunContext } from './run-context.js';
import type { RunOptions } from './run-options.js';
import type { StreamInput } from './stream-input.js';

/**
 * @internal The unit the runtime runs: what every `Runnable` is, and what
 * composite steps hand to `Runnable.from`. Users subclass `Runnable` instead.
 */
export interface Step<I, O, C = O> {
  /** The name events carry. */
  readonly name: string;
  /** How the step's chunks aggregate into its `invoke` result. */
  readonly aggregation: AggregationSpec<C, O>;
  /** Options the step applies to itself and everything nested in it (`withConfig`). */
  readonly config?: RunOptions | undefined;
  /** Turns input chunks into output chunks; the runtime calls it through `runStep`. */
  doStream(input: StreamInput<I>, ctx: RunContext): Observable<C>;
}

/** A step of any types, as composite steps hold their children. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStep = Step<any, any, any>;
