import type { Tool } from '@rivulet/models';
import type { McpArgumentsSchema } from './arguments-schema.js';

/**
 * A tool of an MCP server as a Rivulet tool: `name` (with the `prefix`),
 * `description`, `schema` (the server's JSON Schema, sent to the model
 * unchanged) and `execute`, which calls the server and resolves to the
 * result for the model (see `McpToolsOptions.output`).
 */
// A plain instantiation of `Tool`: TypeScript relates it to `Tool` through the schema
// type, so it fits wherever a `Tool` does (an interface extending it would not).
export type McpTool = Tool<McpArgumentsSchema>;
