import { z } from 'zod';

/** One scripted tool call of the bench's agent loop. */
export interface ScriptedCall {
  readonly id: string;
  readonly name: 'add' | 'multiply';
  readonly args: { readonly a: number; readonly b: number };
}

/** One model turn: tool calls, or the final text in a few deltas. */
export interface ScriptedTurn {
  readonly toolCalls?: readonly ScriptedCall[];
  readonly text?: readonly string[];
}

/** The question every library's agent is asked. */
export const question = 'What is (2 + 3) × 4?';

/** Three steps: a tool step, another tool step, the answer. */
export const agentTurns: readonly ScriptedTurn[] = [
  { toolCalls: [{ id: 'call_add', name: 'add', args: { a: 2, b: 3 } }] },
  { toolCalls: [{ id: 'call_multiply', name: 'multiply', args: { a: 5, b: 4 } }] },
  { text: ['The ', 'answer ', 'is ', '20.'] },
];

/** The answer the loop must end with. */
export const expectedAnswer = 'The answer is 20.';

/** The same argument schema for every library's two tools. */
export const operandsSchema = z.object({ a: z.number(), b: z.number() });

/** The tools' trivial synchronous work. */
export const add = ({ a, b }: { a: number; b: number }): number => a + b;
export const multiply = ({ a, b }: { a: number; b: number }): number => a * b;

/** The scripted turn for a request whose conversation already holds `assistantMessages` replies. */
export function turnAfter(assistantMessages: number): ScriptedTurn {
  const turn = agentTurns[assistantMessages];
  if (turn === undefined) throw new Error(`the agent asked for turn ${assistantMessages}; only ${agentTurns.length} are scripted`);
  return turn;
}
