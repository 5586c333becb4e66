import { defer, type Observable } from 'rxjs';
import { Runnable, snapshot, type RunContext, type StreamInput } from '@rivulet/core';
import type { Tool } from '@rivulet/models';
import { fromMaybePromise } from './from-maybe-promise.js';

/**
 * A tool as a step of the agent's run, so each call is a run of its own in
 * events, nested in its step. `execute` gets the call's context: its signal
 * aborts when the call is cancelled (the agent's run aborted) or done.
 */
export function toolRunnable(name: string, execute: NonNullable<Tool['execute']>): Runnable<unknown, unknown> {
  return Runnable.from<unknown, unknown>({
    name,
    aggregation: snapshot(),
    doStream: (input: StreamInput<unknown>, ctx: RunContext): Observable<unknown> =>
      // An agent always runs a tool on its whole, validated arguments.
      defer(() => fromMaybePromise(execute((input.whole as { value: unknown }).value, ctx))),
  });
}

