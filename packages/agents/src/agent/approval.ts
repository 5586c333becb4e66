import type { RunContext, ToolCall } from '@rivulet/core';

/**
 * What an approval says: `true` runs the call, `false` declines it, and an
 * object can give the model a reason for declining.
 */
export type ApprovalDecision = boolean | { readonly approved: boolean; readonly reason?: string | undefined };

/**
 * Asked before each tool call runs, its arguments already validated: sync, or
 * async for a human in the loop (`ctx.signal` aborts when the run does). A
 * declined call is not run; the model gets a refusal as its result.
 */
export type ApproveToolCall = (call: ToolCall, ctx: RunContext) => ApprovalDecision | Promise<ApprovalDecision>;

/** Whether `decision` lets the call run, and the refusal the model gets when not. */
export function readDecision(decision: ApprovalDecision, call: ToolCall): { readonly approved: true } | { readonly approved: false; readonly refusal: string } {
  const approved = typeof decision === 'boolean' ? decision : decision.approved;
  if (approved) return { approved: true };
  const reason = typeof decision === 'object' && decision.reason ? ` Reason: ${decision.reason}` : '';
  return { approved: false, refusal: `The call of "${call.name}" was declined and did not run.${reason}` };
}
