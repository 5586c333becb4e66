import type { z } from 'zod';
import type { RunContext } from '@rivulet/core';
import type { ToolDefinitionV1 } from '@rivulet/provider';
import { toJsonSchema } from './output-schema.js';

/**
 * A tool a model may call: its name, what it is for, and a zod schema of its
 * arguments; `execute` runs it (see `executeToolCalls`).
 *
 * @example
 * ```ts
 * const weather = tool({
 *   name: 'weather',
 *   description: 'Current weather in a city',
 *   schema: z.object({ city: z.string() }),
 *   execute: async ({ city }) => `Sunny in ${city}`,
 * });
 * ```
 */
export interface Tool<S extends z.ZodType = z.ZodType, R = unknown, N extends string = string> {
  /** The name the model calls it by; a literal name types the calls of a model it is bound to. */
  readonly name: N;
  readonly description?: string | undefined;
  readonly schema: S;
  /** Runs the tool; `ctx` is the run's context when `executeToolCalls` was given one. */
  readonly execute?: ((args: z.output<S>, ctx?: RunContext) => R | Promise<R>) | undefined;
  /** Ask the provider to enforce the schema exactly. Default false. */
  readonly strict?: boolean | undefined;
}

/**
 * Declares a tool with its argument types inferred from the schema and its
 * name kept as a literal type, so a model it is bound to types its calls.
 */
export function tool<S extends z.ZodType, R = unknown, N extends string = string>(definition: Tool<S, R, N>): Tool<S, R, N> {
  return definition;
}

/** A tool as the provider contract describes it: JSON Schema of the arguments the model writes (zod 4's own conversion, input side); `InputError` for a schema JSON Schema cannot express. */
export function toToolDefinition(tool: Tool | ToolDefinitionV1): ToolDefinitionV1 {
  if (!('schema' in tool)) return tool;
  return {
    name: tool.name,
    parameters: toJsonSchema(tool.schema),
    ...(tool.description !== undefined && { description: tool.description }),
    ...(tool.strict !== undefined && { strict: tool.strict }),
  };
}

/** True when `value` is a {@link Tool} (it has a zod schema), not a bare definition. */
export function isTool(value: Tool | ToolDefinitionV1): value is Tool {
  return 'schema' in value;
}
