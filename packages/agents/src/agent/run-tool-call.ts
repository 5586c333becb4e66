import { catchError, defer, map, of, switchMap, type Observable } from 'rxjs';
import type { RunContext, Runnable, ToolCall } from '@rivulet/core';
import type { Tool } from '@rivulet/models';
import { z } from 'zod';
import { readDecision, type ApproveToolCall } from './approval.js';
import { fromMaybePromise } from './from-maybe-promise.js';
import { failed, messageOf, succeeded, type ToolOutcome } from './tool-outcome.js';

/** A tool the agent can run, with its step. */
export interface RunnableTool {
  readonly tool: Tool;
  readonly runnable: Runnable<unknown, unknown>;
}

/** A call from the model; `invalid` says why its arguments could not be read, when they could not. */
export interface PendingCall {
  readonly call: ToolCall;
  readonly invalid?: string | undefined;
}

/**
 * Runs one call and emits its outcome once. Every failure is an outcome the
 * model can read, never an error of the run: arguments that are not JSON or
 * fail the tool's schema, an unknown tool, a declined approval, a throw.
 */
export function runToolCall(
  { call, invalid }: PendingCall,
  tools: ReadonlyMap<string, RunnableTool>,
  approve: ApproveToolCall | undefined,
  ctx: RunContext,
): Observable<ToolOutcome> {
  if (invalid !== undefined) return of(failed(call, `The arguments of "${call.name}" are not valid JSON (${invalid}). Call it again with a JSON object.`));
  const found = tools.get(call.name);
  if (found === undefined) return of(failed(call, `There is no tool named "${call.name}". Available tools: ${[...tools.keys()].join(', ') || 'none'}.`));
  const parsed = found.tool.schema.safeParse(call.args);
  if (!parsed.success) return of(failed(call, `Invalid arguments for "${call.name}":\n${z.prettifyError(parsed.error)}`));
  const run = (): Observable<ToolOutcome> =>
    found.runnable.stream(parsed.data, ctx).pipe(
      // A tool step emits its one result.
      map((output) => succeeded(call, output)),
      catchError((error: unknown) => of(failed(call, `"${call.name}" failed: ${messageOf(error)}`))),
    );
  if (approve === undefined) return run();
  return defer(() => fromMaybePromise(approve(call, ctx))).pipe(
    switchMap((decision) => {
      const read = readDecision(decision, call);
      return read.approved ? run() : of(failed(call, read.refusal));
    }),
  );
}
