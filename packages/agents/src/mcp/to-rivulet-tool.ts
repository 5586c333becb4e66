import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import type { Tool as McpToolDescription } from '@modelcontextprotocol/sdk/types.js';
import { argumentsSchema } from './arguments-schema.js';
import { callMcpTool, type McpCallTarget } from './call-mcp-tool.js';
import type { McpTool } from './mcp-tool.js';

/** How every tool of one server is called. */
export type ServerCallTarget = Omit<McpCallTarget, 'toolName'>;

/** The Rivulet tool for one tool of an MCP server. */
export function toRivuletTool(description: McpToolDescription, server: ServerCallTarget, prefix: string, validator: jsonSchemaValidator): McpTool {
  const target: McpCallTarget = { ...server, toolName: description.name };
  return {
    name: prefix + description.name,
    description: description.description ?? description.title ?? description.annotations?.title,
    schema: argumentsSchema(description.inputSchema, validator),
    execute: (args, ctx) => callMcpTool(target, args, ctx),
  };
}
