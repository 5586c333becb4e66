import { Observable, type Subscription } from 'rxjs';
import { OutputParserError, type Message, type RunContext, type Runnable, type Usage } from '@rivulet/core';
import type { AgentPart } from './agent-parts.js';
import type { AgentPlan } from './agent-plan.js';
import type { AgentResult } from './agent-result.js';
import type { AgentStep } from './agent-step.js';
import { OUTPUT_TOOL_NAME } from './output-tool.js';
import type { StepInput } from './step-runnable.js';
import { sumUsage } from './sum-usage.js';

/**
 * The loop of one run: steps one after another on the growing conversation,
 * until a step calls no tool, a structured answer is accepted, `maxSteps`
 * steps ran, or a stop condition says so; then the `finish` part.
 *
 * A step that completes synchronously starts the next from a loop rather
 * than from inside its own callback, so the stack stays flat however many
 * steps run.
 */
export function agentLoop(
  plan: AgentPlan,
  stepRun: Runnable<StepInput, AgentResult<unknown>, AgentPart<unknown>>,
  conversation: Message[],
  ctx: RunContext,
): Observable<AgentPart<unknown>> {
  return new Observable<AgentPart<unknown>>((subscriber) => {
    const steps: AgentStep[] = [];
    let usage: Usage | undefined;
    let calledTools = false;
    let answered = false;
    let current: Subscription | undefined;
    let looping = false;
    let again = false;

    const finish = (): void => {
      const last = steps.at(-1) as AgentStep;
      if (plan.output !== undefined && !answered) {
        subscriber.error(
          new OutputParserError(`The agent stopped after ${steps.length} step(s) without a valid answer (a call of ${OUTPUT_TOOL_NAME}).`, { text: last.text }),
        );
        return;
      }
      subscriber.next({ type: 'finish', finishReason: last.finishReason, usage, steps: steps.length });
      subscriber.complete();
    };
    const decide = (): void => {
      const last = steps.at(-1) as AgentStep;
      const goOn = calledTools && !answered && steps.length < plan.maxSteps && !plan.stopWhen.some((stop) => stop(last, steps));
      if (goOn) next();
      else finish();
    };
    const runStep = (): void => {
      calledTools = false;
      current = stepRun.stream({ step: steps.length, messages: conversation.slice() }, ctx).subscribe({
        next(part) {
          if (part.type === 'step-finish') {
            const { type: _type, ...step } = part;
            steps.push(step);
            usage = sumUsage(usage, step.usage);
            conversation.push(...step.messages);
            const reply = step.messages[0];
            calledTools = reply?.role === 'ai' && reply.toolCalls.length > 0;
          } else if (part.type === 'output') {
            answered = true;
          }
          subscriber.next(part);
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          try {
            decide();
          } catch (error) {
            subscriber.error(error); // a stop condition threw
          }
        },
      });
    };
    const next = (): void => {
      again = true;
      if (looping) return;
      looping = true;
      while (again && !subscriber.closed) {
        again = false;
        runStep();
      }
      looping = false;
    };

    next();
    return () => current?.unsubscribe();
  });
}
