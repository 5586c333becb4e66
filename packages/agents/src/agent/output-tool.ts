import { InputError } from '@rivulet/core';
import { toJsonSchema, tool, type Tool } from '@rivulet/models';
import { z } from 'zod';

/** The name of the tool an agent with `output` answers through. */
export const OUTPUT_TOOL_NAME = 'final_answer';

/** How an agent asks for, reads and checks a structured answer. */
export interface OutputTool {
  /** The tool bound to the model: its arguments are the answer (wrapped when the schema's root is not an object). */
  readonly tool: Tool;
  /** The answer the arguments hold, validated, or why they do not hold one. */
  parse(args: unknown): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };
  /** The answer inside partial arguments, as they stream. */
  partial(args: Readonly<Record<string, unknown>>): unknown;
}

/**
 * The answer tool for `schema`. Tool arguments are objects, so a schema whose
 * root is not one (an array, an enum) is wrapped under `value` for the model
 * and unwrapped for the user. A schema JSON Schema cannot express is an
 * `InputError` here, when the agent is made.
 */
export function outputTool(schema: z.ZodType): OutputTool {
  const wrapped = toJsonSchema(schema)['type'] !== 'object';
  const argsSchema = wrapped ? z.object({ value: schema }) : schema;
  return {
    tool: tool({
      name: OUTPUT_TOOL_NAME,
      description: 'Give your final answer. Call this once you are done, with the complete answer as its arguments.',
      schema: argsSchema,
    }),
    parse(args) {
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) return { ok: false, error: `The answer does not match its schema:\n${z.prettifyError(parsed.error)}` };
      return { ok: true, value: wrapped ? (parsed.data as { value: unknown }).value : parsed.data };
    },
    partial: (args) => (wrapped ? args['value'] : args),
  };
}

/** `InputError` unless `name` is free for a tool of the user's. */
export function checkToolName(name: string, taken: ReadonlySet<string>): void {
  if (taken.has(name)) throw new InputError(`Two tools are named "${name}": tool names must be unique.`);
}
