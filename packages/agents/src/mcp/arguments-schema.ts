import { z } from 'zod';
import type { jsonSchemaValidator, JsonSchemaType, JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';

/** The arguments of an MCP tool call: a JSON object. */
export type McpToolArguments = Record<string, unknown>;

/** The zod schema of an MCP tool's arguments (see {@link argumentsSchema}). */
export type McpArgumentsSchema = z.ZodType<McpToolArguments, McpToolArguments>;

/**
 * A zod schema for the arguments of an MCP tool, which come described by
 * JSON Schema. Converted to JSON Schema (what `toToolDefinition` sends the
 * model), it is the server's schema itself, unchanged, through zod's own
 * override hook: a round trip through `z.fromJSONSchema` would rewrite it. It
 * validates with the SDK's JSON Schema validator (ajv), so the model gets a
 * clear error result for bad arguments without a round trip; a schema the
 * validator cannot compile (a dangling `$ref`) is left to the server to check.
 */
export function argumentsSchema(inputSchema: Readonly<Record<string, unknown>>, validator: jsonSchemaValidator): McpArgumentsSchema {
  const validate = compile(inputSchema, validator);
  // One schema, no refinement chained on: zod's JSON Schema override applies to a schema without a parent.
  const schema = z.custom<McpToolArguments>((value) => isObject(value) && (validate?.(value).valid ?? true), {
    error: (issue) => {
      if (!isObject(issue.input)) return 'The arguments must be a JSON object.';
      return `The arguments do not match the tool's schema: ${validate?.(issue.input).errorMessage ?? 'invalid'}`;
    },
  });
  schema._zod.toJSONSchema = () => structuredClone(inputSchema);
  return schema;
}

function isObject(value: unknown): value is McpToolArguments {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compile(inputSchema: Readonly<Record<string, unknown>>, validator: jsonSchemaValidator): JsonSchemaValidator<McpToolArguments> | undefined {
  // ajv caches schemas by `$id`: two tools sharing one must not share a validator.
  const { $id: _id, ...schema } = inputSchema;
  try {
    return validator.getValidator<McpToolArguments>(schema as JsonSchemaType);
  } catch {
    return undefined;
  }
}
