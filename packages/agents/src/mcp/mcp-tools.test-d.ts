import { expectTypeOf } from 'vitest';
import type { RunContext } from '@rivulet/core';
import { executeToolCalls, type Tool } from '@rivulet/models';
import type { OpenAIChatModel } from '@rivulet/openai';
import { mcpTools, type McpSource, type McpTool, type McpToolArguments, type McpToolset } from './index.js';

declare const mcp: McpToolset;
declare const chat: OpenAIChatModel;

expectTypeOf(mcpTools).parameter(0).toEqualTypeOf<McpSource>();
expectTypeOf(mcpTools).returns.toEqualTypeOf<Promise<McpToolset>>();
export const stdio = mcpTools({ command: 'mcp-server-everything', args: ['stdio'], env: { TOKEN: 'x' }, stderr: 'pipe' });
export const http = mcpTools({ url: new URL('http://localhost:3000/mcp'), headers: { authorization: 'Bearer x' } });
// @ts-expect-error a source is a command to start or a URL to reach, not both
export const both = mcpTools({ command: 'server', url: 'http://localhost:3000/mcp' });
// @ts-expect-error a source names a server
export const neither = mcpTools({});
// @ts-expect-error headers go to HTTP servers only
export const stdioHeaders = mcpTools({ command: 'server', headers: {} });

// The tools are Rivulet tools: they bind to a model and run through executeToolCalls.
expectTypeOf(mcp.tools).toExtend<readonly Tool[]>();
export const bound: OpenAIChatModel = chat.bindTools(mcp.tools);
export const answered = executeToolCalls(await chat.invoke('hi'), mcp.tools);
expectTypeOf<Parameters<NonNullable<McpTool['execute']>>>().toEqualTypeOf<[args: McpToolArguments, ctx?: RunContext]>();
expectTypeOf(mcp.tools[0]!.schema.parse({})).toEqualTypeOf<Record<string, unknown>>();

// A toolset closes by hand or with `await using`.
expectTypeOf(mcp).toExtend<AsyncDisposable>();
expectTypeOf(mcp.close).returns.toEqualTypeOf<Promise<void>>();
