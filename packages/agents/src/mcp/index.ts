export { mcpTools } from './mcp-tools.js';
export type { McpSource, McpStdioSource, McpHttpSource } from './mcp-source.js';
export type { McpToolsOptions } from './mcp-tools-options.js';
export type { McpToolset } from './mcp-toolset.js';
export type { McpTool } from './mcp-tool.js';
export type { McpArgumentsSchema, McpToolArguments } from './arguments-schema.js';
export { toolResultOutput, toolResultText } from './tool-result-output.js';
export { McpConnectionError, type McpConnectionErrorOptions } from './mcp-connection-error.js';
export { McpToolError, type McpToolErrorOptions } from './mcp-tool-error.js';
