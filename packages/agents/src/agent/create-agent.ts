import type { z } from 'zod';
import { Agent } from './agent.js';
import type { AgentOptions } from './agent-options.js';

/**
 * An agent: a model that calls tools in a loop until it has an answer. Each
 * step, the model's reply streams; the tool calls it asks for run in
 * parallel, and their results go back to it in call order. The run ends when
 * the model answers without calling a tool, after `maxSteps` steps (default
 * 10), or when `stopWhen` says so after a step.
 *
 * A tool that throws, gets arguments failing its schema, or does not exist
 * gives the model an error result and the run goes on; so does a call that
 * `approve` declines. Aborting the run's signal cancels the model's request
 * and every running tool (through its `ctx.signal`).
 *
 * With `output: zodSchema`, the answer is structured: it streams as typed
 * `partial-output` snapshots and `invoke` gives it validated in `output`.
 *
 * @example
 * ```ts
 * const agent = createAgent({ model, tools: [weather, forecast], instructions: 'Answer briefly.' });
 * for await (const part of agent.stream('Should I bike to work in Oslo tomorrow?')) {
 *   if (part.type === 'text-delta') process.stdout.write(part.text);
 *   if (part.type === 'tool-call') console.log(`→ ${part.toolName}`, part.args);
 * }
 * const { text, messages, usage } = await agent.invoke('And in Lima?');
 * ```
 */
export function createAgent<S extends z.ZodType>(options: AgentOptions & { readonly output: S }): Agent<z.output<S>>;
export function createAgent(options: AgentOptions & { readonly output?: undefined }): Agent;
export function createAgent(options: AgentOptions): Agent<unknown> {
  return new Agent<unknown>(options);
}
