import { runScopeKey, type RunContext } from './run-context.js';

/**
 * The context handed to user code for one call: `ctx` with a signal of its own
 * that aborts when the call is cancelled. The controller is made only if the
 * code reads `signal`, so calls that ignore it cost nothing.
 */
export function callContext(ctx: RunContext): { readonly ctx: RunContext; abort(): void } {
  let controller: AbortController | undefined;
  const parentSignal = ctx.signal;
  const call: RunContext = {
    get signal(): AbortSignal {
      controller ??= new AbortController();
      if (parentSignal.aborted) controller.abort(parentSignal.reason);
      return controller.signal;
    },
    runId: ctx.runId,
    parentRunId: ctx.parentRunId,
    runName: ctx.runName,
    tags: ctx.tags,
    metadata: ctx.metadata,
    configurable: ctx.configurable,
    maxConcurrency: ctx.maxConcurrency,
    [runScopeKey]: ctx[runScopeKey],
  };
  return { ctx: call, abort: () => controller?.abort() };
}
