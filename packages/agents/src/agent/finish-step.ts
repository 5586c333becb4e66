import { concat, defer, from, map, merge, of, type Observable } from 'rxjs';
import { AIMessage, ToolMessage, type AIMessageChunk, type RunContext, type ToolCall } from '@rivulet/core';
import type { AgentPart } from './agent-parts.js';
import type { AgentPlan } from './agent-plan.js';
import { OUTPUT_TOOL_NAME } from './output-tool.js';
import { runToolCall, type PendingCall } from './run-tool-call.js';
import { failed, type ToolOutcome } from './tool-outcome.js';

/**
 * The end of a step, once the model's reply is complete: announces its tool
 * calls, checks a structured answer, runs the other calls in parallel (each
 * result is reported as it arrives), then reports the step with its messages, the
 * tool results in call order.
 */
export function finishStep(plan: AgentPlan, step: number, reply: AIMessageChunk, ctx: RunContext): Observable<AgentPart<unknown>> {
  const pending = pendingCalls(reply);
  const message = replyMessage(reply, pending);
  const outcomes = new Array<ToolOutcome>(pending.length);
  const isAnswer = (call: ToolCall): boolean => plan.output !== undefined && call.name === OUTPUT_TOOL_NAME;
  const answers: AgentPart<unknown>[] = [];
  const runs: Observable<AgentPart<unknown>>[] = [];
  pending.forEach((entry, i) => {
    if (isAnswer(entry.call)) {
      const answer = readAnswer(plan, entry, answers.length === 0);
      outcomes[i] = answer.outcome;
      if (answer.output !== undefined) answers.push({ type: 'output', step, output: answer.output.value });
    } else {
      runs.push(runToolCall(entry, plan.tools, plan.approve, ctx).pipe(map((outcome) => ((outcomes[i] = outcome), { type: 'tool-result', step, ...outcome.result }))));
    }
  });
  const visible = pending.filter((entry) => !isAnswer(entry.call));
  return concat(
    from(visible.map(({ call }): AgentPart<unknown> => ({ type: 'tool-call', step, toolCallId: call.id, toolName: call.name, args: call.args }))),
    from(answers),
    merge(...runs),
    defer(() =>
      of<AgentPart<unknown>>({
        type: 'step-finish',
        step,
        text: message.text,
        reasoning: message.reasoning,
        toolCalls: visible.map(({ call }) => call),
        toolResults: outcomes.flatMap((outcome, i) => (isAnswer((pending[i] as PendingCall).call) ? [] : [outcome.result])),
        finishReason: message.finishReason ?? 'other',
        usage: message.usage,
        messages: [message, ...outcomes.map((outcome) => outcome.message)],
      }),
    ),
  );
}

/** The reply's calls in call order; a call whose arguments did not parse keeps its place, with empty arguments and the reason. */
function pendingCalls(reply: AIMessageChunk): PendingCall[] {
  const valid: PendingCall[] = reply.toolCalls.map((call) => ({ call }));
  if (reply.invalidToolCalls.length === 0) return valid;
  const invalid = reply.invalidToolCalls.map((bad) => ({ call: { id: bad.id ?? '', name: bad.name ?? '', args: {} }, invalid: bad.error }));
  const position = new Map(reply.toolCallChunks.map((chunk, i) => [chunk.id, i]));
  return [...valid, ...invalid].sort((a, b) => (position.get(a.call.id) ?? 0) - (position.get(b.call.id) ?? 0));
}

/**
 * The reply as it goes into the conversation: a plain `AIMessage` with every
 * call listed (an unreadable one with empty arguments, so that its error
 * result answers a call the provider knows).
 */
function replyMessage(reply: AIMessageChunk, pending: readonly PendingCall[]): AIMessage {
  return new AIMessage({
    content: reply.content,
    toolCalls: pending.map(({ call }) => call),
    usage: reply.usage,
    responseMetadata: reply.responseMetadata,
    finishReason: reply.finishReason,
    reasoning: reply.reasoning,
    id: reply.id,
    name: reply.name,
  });
}

/** A call of the answer tool: the outcome the model gets, and the answer when it is valid (`first`: the first valid answer of the step). */
function readAnswer(plan: AgentPlan, { call, invalid }: PendingCall, first: boolean): { outcome: ToolOutcome; output?: { value: unknown } } {
  if (invalid !== undefined) return { outcome: failed(call, `The answer is not valid JSON (${invalid}). Call ${OUTPUT_TOOL_NAME} again with a JSON object.`) };
  const parsed = (plan.output as NonNullable<AgentPlan['output']>).parse(call.args);
  if (!parsed.ok) return { outcome: failed(call, parsed.error) };
  const outcome: ToolOutcome = {
    result: { toolCallId: call.id, toolName: call.name, output: parsed.value, isError: false },
    message: new ToolMessage({ content: first ? 'The answer was accepted.' : 'An answer was already accepted.', toolCallId: call.id, name: call.name }),
  };
  return first ? { outcome, output: { value: parsed.value } } : { outcome };
}
