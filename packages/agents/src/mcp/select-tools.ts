import { InputError } from '@rivulet/core';
import type { Tool as McpToolDescription } from '@modelcontextprotocol/sdk/types.js';
import type { McpToolsOptions } from './mcp-tools-options.js';

/**
 * The tools to load: those `include` names (all by default), minus those
 * `exclude` names, that pass `filter`. Tools the server runs only as tasks
 * (`execution.taskSupport: 'required'`) cannot be called in one request and
 * are left out. A name in `include` or `exclude` that the server does not
 * have is an `InputError` (a typo would otherwise load nothing, or too much).
 */
export function selectTools(tools: readonly McpToolDescription[], options: McpToolsOptions): McpToolDescription[] {
  const names = new Set(tools.map((t) => t.name));
  for (const [option, wanted] of [['include', options.include], ['exclude', options.exclude]] as const) {
    const unknown = (wanted ?? []).filter((name) => !names.has(name));
    if (unknown.length > 0) {
      throw new InputError(`${option} names tools the MCP server does not have: ${unknown.join(', ')}. It has: ${[...names].join(', ') || 'none'}.`);
    }
  }
  const include = options.include === undefined ? undefined : new Set(options.include);
  const exclude = new Set(options.exclude ?? []);
  return tools.filter(
    (t) =>
      (include === undefined || include.has(t.name)) &&
      !exclude.has(t.name) &&
      t.execution?.taskSupport !== 'required' &&
      (options.filter?.(t) ?? true),
  );
}
